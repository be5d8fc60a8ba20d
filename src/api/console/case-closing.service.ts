import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApplicationRepository } from '../../db/application-repository';
import { canOperateCase } from '../../domain/case-access';
import { InvalidTransitionError } from '../../domain/errors';
import { actorOf } from '../../domain/principal';
import type { StatusNotifier } from '../../integration/platform/status-notifier';
import type { CaseRuns } from '../../case-runs/case-runs';
import { statusNotice } from '../../contract';
import type { CallerContext } from '../auth/caller';
import { CaseGateway, type CaseRow } from '../cases/case-gateway';
import { APPLICATION_REPOSITORY, CASE_RUNS, PLATFORM_NOTIFIER } from '../injection-tokens';
import { statusAfterCancel } from './poll-until';

interface CloseRequest {
  readonly reason: string;
  readonly dryRun: boolean;
}

/**
 * Closing a running case as CANCELLED (DESIGN.md §7): through its workflow, which tells the family,
 * or by terminating the run, after which the read model and the platform are told here.
 */
@Injectable()
export class CaseClosingService {
  private readonly logger = new Logger(CaseClosingService.name);

  constructor(
    private readonly cases: CaseGateway,
    @Inject(CASE_RUNS) private readonly runs: CaseRuns,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(PLATFORM_NOTIFIER) private readonly platform: StatusNotifier,
  ) {}

  async cancel(applicationNo: string, caller: CallerContext, request: CloseRequest) {
    const { row, run, actor } = await this.runningCase(applicationNo, caller, 'CANCEL');
    if (request.dryRun) return wouldClose(row);
    await this.runs.cancel(run, { actor, reason: request.reason }, actor);
    // Waits (briefly) for the cancelled case to record its final status.
    const status = await statusAfterCancel(() => this.applications.statusOf(row.applicationNo));
    await this.cases.record(row, caller, {
      action: 'OPS_CANCEL',
      reason: request.reason,
      afterStatus: status,
      details: { runId: row.runId },
    });
    return { applicationNo: row.applicationNo, dryRun: false, from: row.status, status };
  }

  /** Stops the run without running any workflow code; the read model and platform are told here. */
  async terminate(applicationNo: string, caller: CallerContext, request: CloseRequest) {
    const { row, run, actor } = await this.runningCase(applicationNo, caller, 'TERMINATE');
    if (request.dryRun) return wouldClose(row);
    await this.runs.terminate(run, request.reason, actor);
    const platformNotified = await this.recordTerminated(row, actor, request.reason);
    await this.cases.record(row, caller, {
      action: 'OPS_TERMINATE',
      reason: request.reason,
      afterStatus: 'CANCELLED',
      details: { runId: row.runId, platformNotified },
    });
    return {
      applicationNo: row.applicationNo,
      dryRun: false,
      from: row.status,
      status: 'CANCELLED',
      platformNotified,
    };
  }

  /**
   * The step a terminated run could not take itself: CANCELLED in the read model, and the notice
   * the workflow would have sent. Whether the platform heard it is reported, not retried.
   */
  private async recordTerminated(row: CaseRow, actor: string, why: string): Promise<boolean> {
    const reason = `Terminated by an operator: ${why}`;
    const step = await this.applications.appendTransition(row.applicationNo, row.runId, {
      to: 'CANCELLED',
      actor,
      reason,
    });
    if (!step) return false;
    const notice = statusNotice(row, row, {
      seq: step.seq,
      from: step.from,
      to: 'CANCELLED',
      reason,
      at: step.at.toISOString(),
    });
    return this.platform.notify(notice).then(
      () => true,
      (error: unknown) => {
        this.logger.warn(
          `platform not told of terminated case ${row.applicationNo}: ${String(error)}`,
        );
        return false;
      },
    );
  }

  /** The case if its run is still running, with the operator who closes it. */
  private async runningCase(applicationNo: string, caller: CallerContext, action: string) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const live = await this.runs.describe(run);
    if (live.runStatus !== 'RUNNING') throw new InvalidTransitionError(action, row.status);
    return { row, run, actor: actorOf(caller.principal) };
  }
}

/** A dry run's answer: what closing would do. */
function wouldClose(row: CaseRow) {
  return { applicationNo: row.applicationNo, dryRun: true, from: row.status, to: 'CANCELLED' };
}
