import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationRepository } from '../../db/application-repository';
import { canOperateCase } from '../../domain/case-access';
import {
  planReset,
  type RecordedAction,
  type ResetPlan,
  type ResetTarget,
} from '../../domain/case-history/reset-plan';
import type { EnrolmentStatus } from '../../domain/enrolment';
import {
  NothingToRetryError,
  RepairRefusedError,
  SeparationOfDutiesError,
} from '../../domain/errors';
import { maskByShape } from '../../domain/masking';
import { actorOf } from '../../domain/principal';
import {
  approvalProblem,
  REPAIR_APPROVAL_ACTION,
  REPAIR_DELIVERY_ACTION,
} from '../../domain/separation-of-duties';
import type { AuditRepository } from '../../db/audit-repository';
import type { FailingActivityRepository } from '../../db/failing-activity-repository';
import type { CaseRuns } from '../../case-runs/case-runs';
import { caseEventsOf } from '../../case-runs/history-events';
import {
  admissionResultSignal,
  decideUpdate,
  provideSupplementUpdate,
  type ReviewDecision,
} from '../../contract';
import { ApplicationsService } from '../applications/applications.service';
import type { CallerContext } from '../auth/caller';
import { CaseGateway, type CaseRow } from '../cases/case-gateway';
import { APPLICATION_REPOSITORY, AUDIT, CASE_RUNS, FAILING_ACTIVITIES } from '../injection-tokens';
import type { Delivery } from './dto/repair';
import { describeAction, reapply, type ActionResult } from './reapply';
import { RepairLock } from './repair-lock';

export interface ResetRequest {
  readonly fromStep?: number;
  readonly fromStatus?: EnrolmentStatus;
  readonly deliver?: Delivery;
  readonly reason: string;
  readonly dryRun: boolean;
}

/**
 * Repairing a case (DESIGN.md §7): run a failing check again now, or go back to a step and
 * re-apply people's later decisions, one repair of a case at a time. Signed with the operator as
 * Temporal's identity and audited.
 */
@Injectable()
export class CaseRepairService {
  constructor(
    private readonly cases: CaseGateway,
    private readonly applicationsService: ApplicationsService,
    private readonly lock: RepairLock,
    @Inject(CASE_RUNS) private readonly runs: CaseRuns,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(AUDIT) private readonly audit: AuditRepository,
    @Inject(FAILING_ACTIVITIES) private readonly failing: FailingActivityRepository,
  ) {}

  async retry(
    applicationNo: string,
    caller: CallerContext,
    request: { activityType?: string; reason: string; dryRun: boolean },
  ) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const failing = (await this.runs.describe(run)).pendingActivities.filter(
      (a) =>
        (a.attempt > 1 || a.lastFailure !== null) &&
        (!request.activityType || a.activityType === request.activityType),
    );
    if (failing.length === 0) throw new NothingToRetryError(row.applicationNo);
    const activities = failing.map((a) => ({
      activityId: a.activityId,
      activityType: a.activityType,
      attempt: a.attempt,
      // Masked: the outcome is an operator's, and it is kept in the audit log.
      lastFailure: a.lastFailure && maskByShape(a.lastFailure),
    }));
    if (request.dryRun) return { applicationNo: row.applicationNo, dryRun: true, activities };
    const identity = actorOf(caller.principal);
    // From attempt 1 the activity is no longer failing; a first attempt that succeeds writes
    // nothing to the projection (worker/failing-activity-projection.ts), so its rows go now.
    await this.failing.clearRetried(
      run.workflowId,
      failing.map((a) => a.activityId),
    );
    for (const a of failing) await this.runs.retryActivity(run, a.activityId, identity);
    await this.cases.record(row, caller, {
      action: 'OPS_RETRY',
      reason: request.reason,
      afterStatus: row.status,
      details: { activities },
    });
    return { applicationNo: row.applicationNo, dryRun: false, activities };
  }

  async reset(applicationNo: string, caller: CallerContext, request: ResetRequest) {
    const row = await this.cases.find(applicationNo, caller, canOperateCase);
    const run = { workflowId: row.workflowId, runId: row.runId };
    const target: ResetTarget =
      request.fromStep !== undefined ? { step: request.fromStep } : { status: request.fromStatus! };
    const delivered = request.deliver && (await this.deliveredAction(row, caller, request.deliver));
    const plan = planReset(caseEventsOf(await this.runs.history(run)), target, {
      ...(delivered && { delivers: delivered.name }),
      decisionSignals: [admissionResultSignal.name],
    });
    const sequence = delivered
      ? [...plan.reapply.slice(0, plan.deliverAt), delivered, ...plan.reapply.slice(plan.deliverAt)]
      : plan.reapply;
    const summary = summarise(row, plan, sequence, delivered);
    if (request.dryRun) return { applicationNo: row.applicationNo, dryRun: true, plan: summary };
    const approvalId =
      request.deliver?.kind === 'decision' ? request.deliver.approvalId : undefined;
    const done = await this.lock.exclusively(row.applicationNo, () =>
      this.resetAndReapply(row, caller, request.reason, plan, sequence, {
        ...summary,
        ...(approvalId && { approvalId }),
      }),
    );
    return { applicationNo: row.applicationNo, dryRun: false, plan: summary, ...done };
  }

  /** Resets the run and re-applies the sequence; the reset is audited whatever follows it. */
  private async resetAndReapply(
    row: CaseRow,
    caller: CallerContext,
    reason: string,
    plan: ResetPlan,
    sequence: readonly RecordedAction[],
    summary: ReturnType<typeof summarise> & { approvalId?: string },
  ) {
    const run = { workflowId: row.workflowId, runId: row.runId };
    // Temporal would terminate a newer run to reset an older one: the child's new application.
    if ((await this.runs.currentRunId(run.workflowId)) !== run.runId)
      throw new RepairRefusedError(
        'RESET',
        'the child has a newer application in this season and stage; this one cannot be reopened',
      );
    const identity = actorOf(caller.principal);
    const runId = await this.runs.reset(run, plan.resetEventId, reason, identity);
    const newRun = { workflowId: row.workflowId, runId };
    const results: ActionResult[] = [];
    let failure: Error | undefined;
    try {
      await this.applications.adoptRun(row.applicationNo, runId, plan.fromStep - 1);
      for (const action of sequence)
        results.push(await reapply(this.runs, newRun, action, identity));
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    // The reset happened whatever followed it: the audit log says so, and how far it got.
    const status = (await this.cases.liveView(newRun.workflowId, runId))?.status ?? row.status;
    await this.cases.record(row, caller, {
      action: REPAIR_DELIVERY_ACTION,
      reason,
      afterStatus: status,
      details: {
        ...summary,
        previousRunId: row.runId,
        runId,
        results,
        ...(failure && { error: `${failure.name}: ${failure.message}` }),
      },
    });
    if (failure) throw failure;
    return { runId, results, status };
  }

  /** The reviewer who approved exactly this decision for this case, or a refusal (docs/audit.md). */
  private async approvingReviewer(
    row: CaseRow,
    approvalId: string | undefined,
    decision: Omit<Extract<Delivery, { kind: 'decision' }>, 'kind' | 'approvalId'>,
    deliverer: string,
  ): Promise<string> {
    const found =
      approvalId === undefined
        ? undefined
        : await this.audit.approval(
            BigInt(approvalId),
            row.applicationNo,
            REPAIR_APPROVAL_ACTION,
            REPAIR_DELIVERY_ACTION,
          );
    const approval = found && {
      actor: found.row.actor,
      role: found.row.role,
      decision: (found.row.details ?? {}) as Record<string, string>,
      used: found.used,
    };
    const problem = approvalProblem(approval, decision, deliverer);
    if (problem || !approval) throw new SeparationOfDutiesError(problem ?? 'no approval');
    return approval.actor;
  }

  /** The operator's decision or supplement, as the person's own would have reached the run. */
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
      const { kind, approvalId, ...fields } = delivery;
      const reviewer = await this.approvingReviewer(row, approvalId, fields, actor);
      // The decision is the reviewer's (timeline, case); the operator only delivers it.
      const decision: ReviewDecision = { ...fields, reviewerId: reviewer };
      return { ...base, name: decideUpdate.name, args: [decision] };
    }
    const supplement = await this.applicationsService.supplementFor(
      row.applicationNo,
      delivery.items,
      actor,
    );
    return { ...base, name: provideSupplementUpdate.name, args: [supplement] };
  }
}

/** What a reset will do, as a dry run shows it and the audit log keeps it. */
function summarise(
  row: CaseRow,
  plan: ResetPlan,
  sequence: readonly RecordedAction[],
  delivered: RecordedAction | undefined,
) {
  return {
    fromStep: plan.fromStep,
    resetEventId: plan.resetEventId,
    resumesFrom: row.events.find((e) => e.seq === plan.fromStep - 1)?.toStatus ?? null,
    undoneStatuses: plan.undoneStatuses,
    sequence: sequence.map((a) => ({ ...describeAction(a), delivered: a === delivered })),
    reapply: plan.reapply.map(describeAction),
    superseded: plan.superseded.map(describeAction),
    redoneByCode: plan.redoneByCode,
  };
}
