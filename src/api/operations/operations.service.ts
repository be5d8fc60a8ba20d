import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporalUiUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { AuditRepository } from '../../db/audit-repository';
import type { RepairLockRepository } from '../../db/repair-lock-repository';
import { canOperateCase } from '../../domain/case-access';
import type { EnrolmentStatus } from '../../domain/enrolment';
import {
  ForbiddenError,
  InvalidTransitionError,
  NothingToRetryError,
  RepairRefusedError,
  RuleViolationError,
} from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import type { CaseEventOf } from '../../domain/operations/case-events';
import {
  DEFAULT_THRESHOLDS,
  problemsOf,
  type Problem,
  type ProblemThresholds,
} from '../../domain/operations/case-problems';
import { summariseHistory } from '../../domain/operations/history-summary';
import {
  planReset,
  type RecordedAction,
  type ResetTarget,
} from '../../domain/operations/reset-plan';
import { actorOf, type Principal } from '../../domain/principal';
import type { RejectionReason } from '../../domain/review';
import type { StatusNotifier } from '../../integration/platform/status-notifier';
import { caseEventsOf } from '../../operations/case-history';
import { mapLimit } from '../../operations/map-limit';
import { settleEach } from '../settle-each';
import { openPageToken, sealPageToken } from '../../operations/page-token';
import { visibilityQuery } from '../../operations/visibility-query';
import type { CaseOperations, RunRef } from '../../operations/case-operations';
import type { ReplayCheck } from '../../operations/replay-check';
import {
  admissionResultSignal,
  caseViewQuery,
  decideUpdate,
  provideSupplementUpdate,
  type ReviewDecision,
} from '../../contract';
import { ApplicationsService } from '../applications/applications.service';
import { CaseGateway, type CallerContext, type CaseRow } from '../applications/case-gateway';
import type { Delivery } from './dto';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  AUDIT,
  CASE_OPERATIONS,
  PLATFORM_NOTIFIER,
  REPAIR_LOCKS,
  REPLAY_CHECK,
  TEMPORAL_CLIENT,
} from '../tokens';

/** Statuses the code leaves on its own; a re-applied decision waits for the case to leave them. */
const TRANSIENT: readonly string[] = ['SUBMITTED', 'VERIFYING'];
const REAPPLY_WAIT_MS = 60_000;
const CLOSE_WAIT_MS = 10_000;
const POLL_MS = 200;
/** Describes in flight at once while scanning: the frontend serves the workers too. */
const DESCRIBE_CONCURRENCY = 8;
const BULK_CONCURRENCY = 8;
/** Longer than a reset with its re-applied decisions can take (REAPPLY_WAIT_MS each at worst). */
const REPAIR_CLAIM_MS = 10 * 60_000;
const COUNT_SCAN_LIMIT = 2000;

export interface FindQuery extends ProblemThresholds {
  readonly status?: EnrolmentStatus;
  readonly countyCode?: string;
  readonly stage?: 'PRIMARY_1' | 'JUNIOR_1';
  readonly problem?: Problem;
  readonly overdue?: boolean;
  readonly limit: number;
  readonly pageToken?: string;
}

interface ActionResult {
  readonly action: string;
  readonly by: string;
  readonly applied: boolean;
  readonly status?: string;
  readonly refusal?: string;
}

/**
 * The operations console (DESIGN.md §7): find stuck cases from Temporal's visibility and the live
 * state of each run joined with the read model; inspect one; repair it. Every repair is scoped to
 * the operator's counties, names the operator as Temporal's identity and is audited.
 */
@Injectable()
export class OperationsService {
  private readonly logger = new Logger(OperationsService.name);

  constructor(
    private readonly cases: CaseGateway,
    private readonly applicationsService: ApplicationsService,
    @Inject(CASE_OPERATIONS) private readonly ops: CaseOperations,
    @Inject(REPLAY_CHECK) private readonly replayCheck: ReplayCheck,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(AUDIT) private readonly audit: AuditRepository,
    @Inject(PLATFORM_NOTIFIER) private readonly platform: StatusNotifier,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(REPAIR_LOCKS) private readonly repairLocks: RepairLockRepository,
  ) {}

  async find(principal: Principal, query: FindQuery) {
    const counties = this.scope(principal, query.countyCode);
    const visibility = visibilityQuery({
      ...query,
      counties,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
    });
    let token: Uint8Array | undefined;
    if (query.pageToken) {
      token = openPageToken(this.config.AUTH_JWT_SECRET, visibility, query.pageToken) ?? undefined;
      if (!token) throw new RuleViolationError([violation('pageToken', 'BAD_FORMAT')]);
    }
    const page = await this.ops.list(visibility, query.limit, token);
    const cases = await this.vitals(page.runs, query);
    return {
      items: cases.filter((c) => (query.problem ? c.problems.includes(query.problem) : true)),
      scanned: page.runs.length,
      nextPageToken: page.nextPageToken
        ? sealPageToken(this.config.AUTH_JWT_SECRET, visibility, page.nextPageToken)
        : null,
    };
  }

  /** Cases per status (read model) and running cases per problem (a scan of live runs). */
  async counts(principal: Principal, query: ProblemThresholds & { countyCode?: string }) {
    const counties = this.scope(principal, query.countyCode);
    const running = visibilityQuery({ counties, taskQueue: this.config.TEMPORAL_TASK_QUEUE });
    const problems: Record<string, number> = {};
    let scanned = 0;
    let token: Uint8Array | undefined;
    do {
      const page = await this.ops.list(running, 200, token);
      for (const c of await this.vitals(page.runs, query))
        for (const p of c.problems) problems[p] = (problems[p] ?? 0) + 1;
      scanned += page.runs.length;
      token = page.nextPageToken ?? undefined;
    } while (token && scanned < COUNT_SCAN_LIMIT);
    return {
      byStatus: await this.applications.statusCounts(counties),
      running: await this.ops.count(running),
      byProblem: problems,
      scanned,
      complete: token === undefined,
    };
  }

  async inspect(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const [live, events] = await Promise.all([
      this.ops.describe(run),
      this.ops.history(run).then(caseEventsOf),
    ]);
    const lastTaskFailure = events
      .filter((e): e is CaseEventOf<'taskFailed'> => e.kind === 'taskFailed')
      .filter((e) => e.cause !== 'RESET_WORKFLOW')
      .at(-1);
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
      timeline: row.events.map((e) => ({
        step: e.seq,
        from: e.fromStatus,
        to: e.toStatus,
        actor: e.actor,
        reason: e.reason,
        at: e.occurredAt.toISOString(),
      })),
      evidence: row.verifications.map((v) => ({
        check: v.check,
        outcome: v.outcome,
        mismatchedFields: v.mismatchedFields,
        evidence: v.evidence,
        checkedAt: v.checkedAt.toISOString(),
      })),
      assessment: row.assessment,
      pendingActivities: live.pendingActivities,
      workflowTask: {
        attempt: live.workflowTaskAttempt,
        lastFailure: lastTaskFailure
          ? {
              at: lastTaskFailure.at,
              cause: lastTaskFailure.cause,
              message: lastTaskFailure.message,
            }
          : null,
      },
      history: summariseHistory(events),
      resets: (await this.applications.resets(row.applicationNo)).map((r) => ({
        at: r.occurredAt.toISOString(),
        previousRunId: r.previousRunId,
        runId: r.runId,
        keptThroughStep: r.keptThroughSeq,
        undone: r.undone,
      })),
      audit: (await this.audit.forCase(row.applicationNo)).map((a) => ({
        at: a.occurredAt.toISOString(),
        actor: a.actor,
        role: a.role,
        action: a.action,
        before: a.beforeStatus,
        after: a.afterStatus,
        reason: a.reason,
        details: a.details,
      })),
      links: { temporalUi: this.uiLink(run) },
    };
  }

  /** The history as Temporal's JSON, for `temporal workflow show` or a replay test; audited. */
  async exportHistory(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    // Decrypted, so that `temporal workflow show` or a replay test can read it without the key.
    const json = historyToJSON(await this.ops.decodedHistory(row));
    await this.record(row, caller, 'OPS_EXPORT_HISTORY', 'history exported', row.status, {
      runId: row.runId,
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

  async retry(
    applicationNo: string,
    caller: CallerContext,
    request: { activityType?: string; reason: string; dryRun: boolean },
  ) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const failing = (await this.ops.describe(run)).pendingActivities.filter(
      (a) =>
        (a.attempt > 1 || a.lastFailure !== null) &&
        (!request.activityType || a.activityType === request.activityType),
    );
    if (failing.length === 0) throw new NothingToRetryError(row.applicationNo);
    const activities = failing.map((a) => ({
      activityId: a.activityId,
      activityType: a.activityType,
      attempt: a.attempt,
      lastFailure: a.lastFailure,
    }));
    if (request.dryRun) return { applicationNo: row.applicationNo, dryRun: true, activities };
    for (const a of failing) await this.ops.retryActivity(run, a.activityId, this.identity(caller));
    await this.record(row, caller, 'OPS_RETRY', request.reason, row.status, { activities });
    return { applicationNo: row.applicationNo, dryRun: false, activities };
  }

  async reset(
    applicationNo: string,
    caller: CallerContext,
    request: {
      fromStep?: number;
      fromStatus?: EnrolmentStatus;
      deliver?: Delivery;
      reason: string;
      dryRun: boolean;
    },
  ) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const target: ResetTarget =
      request.fromStep !== undefined ? { step: request.fromStep } : { status: request.fromStatus! };
    const delivered = request.deliver && (await this.deliveredAction(row, caller, request.deliver));
    const plan = planReset(caseEventsOf(await this.ops.history(run)), target, {
      ...(delivered && { delivers: delivered.name }),
      decisionSignals: [admissionResultSignal.name],
    });
    const sequence = delivered
      ? [...plan.reapply.slice(0, plan.deliverAt), delivered, ...plan.reapply.slice(plan.deliverAt)]
      : plan.reapply;
    const summary = {
      fromStep: plan.fromStep,
      resetEventId: plan.resetEventId,
      resumesFrom: row.events.find((e) => e.seq === plan.fromStep - 1)?.toStatus ?? null,
      undoneStatuses: plan.undoneStatuses,
      sequence: sequence.map((a) => ({ ...describeAction(a), delivered: a === delivered })),
      reapply: plan.reapply.map(describeAction),
      superseded: plan.superseded.map(describeAction),
      redoneByCode: plan.redoneByCode,
    };
    if (request.dryRun) return { applicationNo: row.applicationNo, dryRun: true, plan: summary };

    return this.exclusively(row.applicationNo, async () => {
      // Temporal would terminate a newer run to reset an older one: the child's new application.
      if ((await this.ops.currentRunId(run.workflowId)) !== run.runId)
        throw new RepairRefusedError(
          'RESET',
          'the child has a newer application in this season and stage; this one cannot be reopened',
        );
      const identity = this.identity(caller);
      const runId = await this.ops.reset(run, plan.resetEventId, request.reason, identity);
      const newRun = { workflowId: row.workflowId, runId };
      const results: ActionResult[] = [];
      let failure: Error | undefined;
      try {
        await this.applications.adoptRun(row.applicationNo, runId, plan.fromStep - 1);
        for (const action of sequence) results.push(await this.apply(newRun, action, identity));
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
      // The reset happened whatever followed it: the audit log says so, and how far it got.
      const status = (await this.cases.liveView(newRun.workflowId, runId))?.status ?? row.status;
      await this.record(row, caller, 'OPS_RESET', request.reason, status, {
        ...summary,
        previousRunId: row.runId,
        runId,
        results,
        ...(failure && { error: `${failure.name}: ${failure.message}` }),
      });
      if (failure) throw failure;
      return {
        applicationNo: row.applicationNo,
        dryRun: false,
        plan: summary,
        runId,
        results,
        status,
      };
    });
  }

  async cancel(
    applicationNo: string,
    caller: CallerContext,
    request: { reason: string; dryRun: boolean },
  ) {
    const row = await this.runningCase(applicationNo, caller, 'CANCEL');
    if (request.dryRun)
      return { applicationNo: row.applicationNo, dryRun: true, from: row.status, to: 'CANCELLED' };
    const run = { workflowId: row.workflowId, runId: row.runId };
    const actor = actorOf(caller.principal);
    await this.ops.cancel(run, { actor, reason: request.reason }, this.identity(caller));
    const status = await this.settledStatus(row.applicationNo);
    await this.record(row, caller, 'OPS_CANCEL', request.reason, status, { runId: row.runId });
    return { applicationNo: row.applicationNo, dryRun: false, from: row.status, status };
  }

  /** Stops the run without running any workflow code; the read model and platform are told here. */
  async terminate(
    applicationNo: string,
    caller: CallerContext,
    request: { reason: string; dryRun: boolean },
  ) {
    const row = await this.runningCase(applicationNo, caller, 'TERMINATE');
    if (request.dryRun)
      return { applicationNo: row.applicationNo, dryRun: true, from: row.status, to: 'CANCELLED' };
    const run = { workflowId: row.workflowId, runId: row.runId };
    const actor = actorOf(caller.principal);
    await this.ops.terminate(run, request.reason, this.identity(caller));
    const reason = `Terminated by an operator: ${request.reason}`;
    const entry = await this.applications.appendTransition(row.applicationNo, row.runId, {
      to: 'CANCELLED',
      actor,
      reason,
    });
    let platformNotified = false;
    if (entry) {
      platformNotified = await this.platform
        .notify({
          deliveryId: `${row.workflowId}/${row.runId}/${entry.seq}`,
          applicationNo: row.applicationNo,
          ownerSub: row.ownerSub,
          seq: entry.seq,
          status: 'CANCELLED',
          previousStatus: entry.from,
          reason,
          at: entry.at.toISOString(),
        })
        .then(
          () => true,
          (error: unknown) => {
            this.logger.warn(
              `platform not told of terminated case ${row.applicationNo}: ${String(error)}`,
            );
            return false;
          },
        );
    }
    await this.record(row, caller, 'OPS_TERMINATE', request.reason, 'CANCELLED', {
      runId: row.runId,
      platformNotified,
    });
    return {
      applicationNo: row.applicationNo,
      dryRun: false,
      from: row.status,
      status: 'CANCELLED',
      platformNotified,
    };
  }

  /** Runs one action per case, a few at a time; a case that refuses does not stop the rest. */
  async bulk<T>(applicationNos: readonly string[], each: (applicationNo: string) => Promise<T>) {
    const results = await settleEach(applicationNos, BULK_CONCURRENCY, each);
    return {
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }

  private async vitals(runs: readonly RunRef[], thresholds: ProblemThresholds) {
    const rows = await this.applications.latestForWorkflows(runs.map((r) => r.workflowId));
    const now = new Date();
    return mapLimit(runs, DESCRIBE_CONCURRENCY, async (run) => {
      const row = rows.get(run.workflowId);
      const live = await this.ops.describe(run);
      const failing = live.pendingActivities.filter((a) => a.attempt > 1 || a.lastFailure);
      return {
        applicationNo: row?.applicationNo ?? null,
        workflowId: run.workflowId,
        runId: run.runId,
        status: row?.status ?? null,
        countyCode: row?.countyCode ?? null,
        stage: row?.stage ?? null,
        inStatusSince: row?.statusChangedAt.toISOString() ?? null,
        reviewOverdue: row?.reviewOverdue ?? false,
        problems: problemsOf(
          {
            ...live,
            reviewOverdue: row?.reviewOverdue ?? false,
            statusChangedAt: row?.statusChangedAt ?? null,
          },
          thresholds,
          now,
        ),
        failingActivities: failing.map((a) => ({
          activityType: a.activityType,
          attempt: a.attempt,
          lastFailure: a.lastFailure,
          nextAttemptAt: a.nextAttemptAt,
        })),
        workflowTaskAttempt: live.workflowTaskAttempt,
        links: { temporalUi: this.uiLink(run) },
      };
    });
  }

  private async runningCase(applicationNo: string, caller: CallerContext, action: string) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const live = await this.ops.describe({ workflowId: row.workflowId, runId: row.runId });
    if (live.runStatus !== 'RUNNING') throw new InvalidTransitionError(action, row.status);
    return row;
  }

  private async deliveredAction(
    row: CaseRow,
    caller: CallerContext,
    delivery: Delivery,
  ): Promise<RecordedAction> {
    const actor = actorOf(caller.principal);
    const base = {
      eventId: 0,
      at: new Date().toISOString(),
      kind: 'update' as const,
      identity: actor,
    };
    if (delivery.kind === 'decision') {
      const decision: ReviewDecision = {
        decision: delivery.decision,
        ...(delivery.reasonCode && { reasonCode: delivery.reasonCode as RejectionReason }),
        ...(delivery.reason && { reason: delivery.reason }),
        reviewerId: actor,
      };
      return { ...base, name: decideUpdate.name, args: [decision] };
    }
    const supplement = await this.applicationsService.supplementFor(
      row.applicationNo,
      delivery.items,
      actor,
    );
    return { ...base, name: provideSupplementUpdate.name, args: [supplement] };
  }

  /** Sends one decision to the new run once the code has finished what it redoes. */
  private async apply(
    run: RunRef,
    action: RecordedAction,
    identity: string,
  ): Promise<ActionResult> {
    const handle = this.ops.handle(run, identity);
    const described = { action: action.name, by: action.identity };
    const deadline = Date.now() + REAPPLY_WAIT_MS;
    for (;;) {
      const status = (await handle.query(caseViewQuery)).status;
      if (!TRANSIENT.includes(status) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    try {
      if (action.kind === 'signal') {
        await handle.signal(action.name, ...action.args);
        return { ...described, applied: true };
      }
      const [first, ...rest] = action.args;
      const result = await handle.executeUpdate<{ status: string }, [unknown, ...unknown[]]>(
        action.name,
        { args: [first, ...rest] },
      );
      return { ...described, applied: true, status: result.status };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        return { ...described, applied: false, refusal: 'The case has closed.' };
      if (!(error instanceof WorkflowUpdateFailedError)) throw error;
      return { ...described, applied: false, refusal: error.cause?.message ?? error.message };
    }
  }

  /** Waits (briefly) for a cancelled case to record its final status. */
  private async settledStatus(applicationNo: string): Promise<string> {
    const deadline = Date.now() + CLOSE_WAIT_MS;
    for (;;) {
      const status = await this.applications.statusOf(applicationNo);
      if (status === 'CANCELLED' || Date.now() > deadline) return status ?? 'UNKNOWN';
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async record(
    row: CaseRow,
    caller: CallerContext,
    action: string,
    reason: string,
    afterStatus: string,
    details: Record<string, unknown>,
  ) {
    await this.audit.append({
      actor: actorOf(caller.principal),
      role: caller.principal.role,
      countyCode: row.countyCode,
      action,
      applicationNo: row.applicationNo,
      beforeStatus: row.status,
      afterStatus,
      reason,
      requestId: caller.requestId ?? null,
      details,
    });
  }

  /**
   * One repair of a case at a time, across API replicas: two resets of one run would each start a
   * new run, the second ending the first's. A claim lapses if its holder dies mid-repair.
   */
  private async exclusively<T>(applicationNo: string, work: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    if (!(await this.repairLocks.claim(applicationNo, holder, REPAIR_CLAIM_MS)))
      throw new RepairRefusedError('RESET', 'another repair of this case is in progress');
    try {
      return await work();
    } finally {
      await this.repairLocks.release(applicationNo, holder);
    }
  }

  private identity(caller: CallerContext): string {
    return actorOf(caller.principal);
  }

  private uiLink(run: RunRef): string {
    return `${temporalUiUrl(this.config)}/namespaces/${encodeURIComponent(this.config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(run.workflowId)}/${run.runId}/history`;
  }

  /** The counties an operator may look at: theirs, or one of them; null is all of Guangxi. */
  private scope(principal: Principal, countyCode?: string): readonly string[] | null {
    if (countyCode) {
      if (principal.role !== 'REGION_ADMIN' && !principal.counties.includes(countyCode))
        throw new ForbiddenError(`county ${countyCode} is not in your scope`);
      return [countyCode];
    }
    return principal.role === 'REGION_ADMIN' ? null : principal.counties;
  }
}

function describeAction(action: RecordedAction) {
  return {
    action: action.name,
    by: action.identity,
    at: action.at,
    eventId: action.eventId || null,
  };
}
