import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { InvalidTokenError, type VouchedFamily } from '../../auth/jwt';
import { familyTokenSettings, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { AuditRepository } from '../../db/audit-repository';
import type { CaseScope } from '../../domain/case-access';
import {
  ApplicationNotFoundError,
  InvalidTransitionError,
  RuleViolationError,
  UnauthenticatedError,
} from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { actorOf, type Principal } from '../../domain/principal';
import {
  caseClaimedSignal,
  caseViewQuery,
  FAILURE_TYPES,
  type CaseView,
  type TransitionResult,
} from '../../contract';
import { API_CONFIG, APPLICATION_REPOSITORY, AUDIT, TEMPORAL_CLIENT } from '../injection-tokens';
import { originOf } from '../audit/request-trail';
import { vouchedFamilyOf, type CallerContext } from '../auth/caller';

/** A query that cannot be answered this fast falls back to the read model. */
const LIVE_QUERY_DEADLINE_MS = 3000;

export type CaseRow = NonNullable<Awaited<ReturnType<ApplicationRepository['findByNumber']>>>;
export type AccessRule = (principal: Principal, scope: CaseScope, familySub?: string) => boolean;

/**
 * The one way the API reaches a case: find it if the caller may act on it (else not found, so
 * nothing leaks), send it an update, map the workflow's refusal to a 409 or 400, and audit.
 */
@Injectable()
export class CaseGateway {
  private readonly logger = new Logger(CaseGateway.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(AUDIT) private readonly audit: AuditRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async familyOf(caller: CallerContext): Promise<string | undefined> {
    return (await this.vouchedFamily(caller))?.sub;
  }

  /** The family the platform vouches for (X-Family-Token), with the person acting for it. */
  async vouchedFamily(caller: CallerContext): Promise<VouchedFamily | undefined> {
    try {
      return await vouchedFamilyOf(caller, familyTokenSettings(this.config));
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthenticatedError({ cause: error });
      throw error;
    }
  }

  async find(applicationNo: string, caller: CallerContext, allowed: AccessRule): Promise<CaseRow> {
    const row = await this.applications.findByNumber(applicationNo);
    // The county's auditors see reads of its cases, and attempts at them that scope refused.
    if (row && caller.trail) caller.trail.countyCode = row.countyCode;
    const familySub = await this.familyOf(caller);
    if (!row || !allowed(caller.principal, row, familySub))
      throw new ApplicationNotFoundError(applicationNo);
    return row;
  }

  /** Sends one update to the case's run; its result is audited with the caller and the reason. */
  async update(
    row: CaseRow,
    caller: CallerContext,
    audit: { action: string; reason?: string | null },
    send: (handle: WorkflowHandle) => Promise<TransitionResult>,
  ): Promise<TransitionResult> {
    let result: TransitionResult;
    try {
      result = await send(this.temporal.workflow.getHandle(row.workflowId, row.runId));
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        if (error.cause.type === FAILURE_TYPES.invalidState) {
          const current = (await this.liveView(row.workflowId, row.runId))?.status ?? row.status;
          throw new InvalidTransitionError(audit.action, current, { cause: error });
        }
        if (error.cause.type === FAILURE_TYPES.invalidInput) {
          const details = error.cause.details?.[0] as { path?: string } | undefined;
          throw new RuleViolationError([violation(details?.path ?? '', 'BAD_FORMAT')]);
        }
      }
      if (error instanceof WorkflowNotFoundError) {
        // The run has closed (decided, withdrawn or expired): nothing more can change.
        const current = (await this.applications.statusOf(row.applicationNo)) ?? row.status;
        throw new InvalidTransitionError(audit.action, current, { cause: error });
      }
      throw error;
    }
    await this.record(row, caller, { ...audit, afterStatus: result.status });
    return result;
  }

  /** One audit entry for what the caller did to the case: who, in which role, from which status. */
  async record(
    row: CaseRow,
    caller: CallerContext,
    entry: {
      action: string;
      afterStatus: string;
      reason?: string | null;
      details?: Record<string, unknown>;
    },
  ): Promise<bigint> {
    return this.audit.append({
      actor: actorOf(caller.principal),
      role: caller.principal.role,
      countyCode: row.countyCode,
      action: entry.action,
      applicationNo: row.applicationNo,
      beforeStatus: row.status,
      afterStatus: entry.afterStatus,
      reason: entry.reason ?? null,
      ...originOf(caller.trail),
      ...(entry.details && { details: entry.details }),
    });
  }

  /** Tells the case's run which account claimed it; a run that has ended sends no more notices. */
  async claimedBy(run: { workflowId: string; runId: string }, ownerSub: string): Promise<void> {
    try {
      await this.temporal.workflow
        .getHandle(run.workflowId, run.runId)
        .signal(caseClaimedSignal, { ownerSub });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  async liveView(workflowId: string, runId: string): Promise<CaseView | undefined> {
    try {
      return await this.temporal.withDeadline(Date.now() + LIVE_QUERY_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(workflowId, runId).query(caseViewQuery),
      );
    } catch (error) {
      this.logger.warn(
        `live view of ${workflowId} unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }
}
