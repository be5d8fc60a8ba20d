import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporalRunUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { AuditRepository } from '../../db/audit-repository';
import { canInspectCase, canReadUnmasked } from '../../domain/case-access';
import type { CaseEvent, CaseEventOf } from '../../domain/case-history/events';
import { DEFAULT_THRESHOLDS, problemsOf } from '../../domain/case-history/problems';
import { summariseHistory } from '../../domain/case-history/summary';
import { UnmaskedReadForbiddenError } from '../../domain/errors';
import { maskPersonalData } from '../../domain/masking';
import type { CaseRuns, LiveRun } from '../../case-runs/case-runs';
import { caseEventsOf } from '../../case-runs/history-events';
import { maskHistoryJson } from '../../case-runs/masked-history';
import type { ReplayCheck } from '../../case-runs/replay-check';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { assessmentOf, evidenceOf, timelineOf } from '../cases/case-views';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  AUDIT,
  CASE_RUNS,
  REPLAY_CHECK,
  TEMPORAL_CLIENT,
} from '../injection-tokens';

/** How a console read shows personal data: masked, unless an auditor asked otherwise. */
export interface ReadMode {
  readonly unmasked?: boolean;
}

/**
 * One case as an operator or auditor reads it (DESIGN.md §7): the read model and the live run side
 * by side, its history in steps, what was reset and who did what; its history exported or
 * replayed. Personal data is masked unless an AUDITOR asks for it unmasked; every read is audited.
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

  async inspect(applicationNo: string, caller: CallerContext, mode: ReadMode = {}) {
    const unmasked = unmaskedAllowed(caller, mode);
    const row = await this.cases.find(applicationNo, caller, canInspectCase);
    await this.cases.record(row, caller, {
      action: unmasked ? 'OPS_INSPECT_UNMASKED' : 'OPS_INSPECT',
      reason: unmasked ? 'case read unmasked' : 'case read',
      afterStatus: row.status,
    });
    const run = { workflowId: row.workflowId, runId: row.runId };
    const [live, events] = await Promise.all([
      this.runs.describe(run),
      this.runs.history(run).then(caseEventsOf),
    ]);
    const view = {
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
      assessment: assessmentOf(row),
      pendingActivities: live.pendingActivities,
      workflowTask: workflowTaskOf(live, events),
      history: summariseHistory(events),
      resets: await this.resets(row.applicationNo),
      audit: await this.auditTrail(row.applicationNo),
    };
    // What names the case and its run stays as it is: a person finds the case again by it.
    return {
      applicationNo: row.applicationNo,
      workflowId: row.workflowId,
      runId: row.runId,
      links: { temporalUi: temporalRunUrl(this.config, run, 'history') },
      ...(unmasked ? view : maskPersonalData(view)),
      masked: !unmasked,
    };
  }

  /**
   * The history as Temporal's JSON, for `temporal workflow show` or a replay test; audited.
   * Decrypted, so that it reads without the key; masked unless an auditor asked otherwise.
   */
  async exportHistory(applicationNo: string, caller: CallerContext, mode: ReadMode = {}) {
    const unmasked = unmaskedAllowed(caller, mode);
    const row = await this.cases.find(applicationNo, caller, canInspectCase);
    const json = historyToJSON(await this.runs.decodedHistory(row));
    await this.cases.record(row, caller, {
      action: unmasked ? 'OPS_EXPORT_HISTORY_UNMASKED' : 'OPS_EXPORT_HISTORY',
      reason: unmasked ? 'history exported unmasked' : 'history exported',
      afterStatus: row.status,
      details: { runId: row.runId },
    });
    return {
      fileName: `${row.applicationNo}-${row.runId}.json`,
      json: unmasked ? json : maskHistoryJson(json),
    };
  }

  async replay(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canInspectCase);
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

/** Unmasked only when asked, and only for an auditor: anyone else asking is refused outright. */
function unmaskedAllowed({ principal }: CallerContext, mode: ReadMode): boolean {
  if (!mode.unmasked) return false;
  if (!canReadUnmasked(principal)) throw new UnmaskedReadForbiddenError(principal.role);
  return true;
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
