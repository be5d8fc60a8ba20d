import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporalRunUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { AuditRepository } from '../../db/audit-repository';
import { canOperateCase } from '../../domain/case-access';
import type { CaseEvent, CaseEventOf } from '../../domain/case-history/events';
import { DEFAULT_THRESHOLDS, problemsOf } from '../../domain/case-history/problems';
import { summariseHistory } from '../../domain/case-history/summary';
import type { CaseRuns, LiveRun } from '../../case-runs/case-runs';
import { caseEventsOf } from '../../case-runs/history-events';
import type { ReplayCheck } from '../../case-runs/replay-check';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { evidenceOf, timelineOf } from '../cases/case-views';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  AUDIT,
  CASE_RUNS,
  REPLAY_CHECK,
  TEMPORAL_CLIENT,
} from '../injection-tokens';

/**
 * One case as an operator reads it (DESIGN.md §7): the read model and the live run side by side,
 * its history in steps, what was reset and who did what; its history exported or replayed.
 */
@Injectable()
export class CaseInspectionService {
  constructor(
    private readonly cases: CaseGateway,
    @Inject(CASE_RUNS) private readonly runs: CaseRuns,
    @Inject(REPLAY_CHECK) private readonly replayCheck: ReplayCheck,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(AUDIT) private readonly audit: AuditRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async inspect(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const [live, events] = await Promise.all([
      this.runs.describe(run),
      this.runs.history(run).then(caseEventsOf),
    ]);
    return {
      applicationNo: row.applicationNo,
      workflowId: row.workflowId,
      runId: row.runId,
      runStatus: live.runStatus,
      status: row.status,
      countyCode: row.countyCode,
      stage: row.stage,
      problems: problemsOf(
        { ...live, reviewOverdue: row.reviewOverdue, statusChangedAt: row.statusChangedAt },
        DEFAULT_THRESHOLDS,
        new Date(),
      ),
      // The console calls a timeline entry a step: resets name the step to go back to.
      timeline: timelineOf(row).map((e) => ({
        step: e.seq,
        from: e.from,
        to: e.to,
        actor: e.actor,
        reason: e.reason,
        at: e.at,
      })),
      evidence: evidenceOf(row),
      assessment: row.assessment,
      pendingActivities: live.pendingActivities,
      workflowTask: workflowTaskOf(live, events),
      history: summariseHistory(events),
      resets: await this.resets(row.applicationNo),
      audit: await this.auditTrail(row.applicationNo),
      links: { temporalUi: temporalRunUrl(this.config, run, 'history') },
    };
  }

  /** The history as Temporal's JSON, for `temporal workflow show` or a replay test; audited. */
  async exportHistory(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    // Decrypted, so that `temporal workflow show` or a replay test can read it without the key.
    const json = historyToJSON(await this.runs.decodedHistory(row));
    await this.cases.record(row, caller, {
      action: 'OPS_EXPORT_HISTORY',
      reason: 'history exported',
      afterStatus: row.status,
      details: { runId: row.runId },
    });
    return { fileName: `${row.applicationNo}-${row.runId}.json`, json };
  }

  async replay(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const history = await this.temporal.workflow
      .getHandle(row.workflowId, row.runId)
      .fetchHistory();
    const verdict = await this.replayCheck.replay(history, row.workflowId);
    return {
      applicationNo: row.applicationNo,
      runId: row.runId,
      events: history.events?.length ?? 0,
      ...verdict,
    };
  }

  private async resets(applicationNo: string) {
    return (await this.applications.resets(applicationNo)).map((r) => ({
      at: r.occurredAt.toISOString(),
      previousRunId: r.previousRunId,
      runId: r.runId,
      keptThroughStep: r.keptThroughSeq,
      undone: r.undone,
    }));
  }

  private async auditTrail(applicationNo: string) {
    return (await this.audit.forCase(applicationNo)).map((a) => ({
      at: a.occurredAt.toISOString(),
      actor: a.actor,
      role: a.role,
      action: a.action,
      before: a.beforeStatus,
      after: a.afterStatus,
      reason: a.reason,
      details: a.details,
    }));
  }
}

/** The pending workflow task and the last failure of one, a reset's own failure aside. */
function workflowTaskOf(live: LiveRun, events: readonly CaseEvent[]) {
  const lastFailure = events
    .filter((e): e is CaseEventOf<'taskFailed'> => e.kind === 'taskFailed')
    .filter((e) => e.cause !== 'RESET_WORKFLOW')
    .at(-1);
  return {
    attempt: live.workflowTaskAttempt,
    lastFailure: lastFailure
      ? { at: lastFailure.at, cause: lastFailure.cause, message: lastFailure.message }
      : null,
  };
}
