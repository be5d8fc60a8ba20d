import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import {
  ApplicationFailure,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
} from '@temporalio/common';
import { InvalidTokenError, verifyFamilyToken } from '../../auth/tokens';
import { familyTokenSettings, temporalUiUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { IdempotencyStore } from '../../db/idempotency-store';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import { childKey, enrolmentWorkflowId } from '../../domain/application-identity';
import { formatApplicationNo } from '../../domain/application-number';
import {
  canDecideCase,
  canReadCase,
  canWithdrawCase,
  type CaseScope,
} from '../../domain/case-access';
import { REOPENABLE_STATUSES, type EnrolmentStatus } from '../../domain/enrolment';
import {
  ApplicationNotFoundError,
  DuplicateApplicationError,
  IdempotencyKeyReusedError,
  InvalidTransitionError,
  RequestInProgressError,
  RuleViolationError,
  UnauthenticatedError,
} from '../../domain/errors';
import { guidanceFor } from '../../domain/family-guidance';
import type { AutoFilledField } from '../../domain/eligibility/facts-from-checks';
import type { Check } from '../../domain/verification/checks';
import { summariseCheck } from '../../domain/verification/family-summary';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { checkAgainstReferenceData } from '../../domain/forms/reference-checks';
import { violation } from '../../domain/forms/violations';
import { actorOf, coversCounty, type Principal } from '../../domain/principal';
import { maskResidentId } from '../../domain/resident-id';
import type { enrolmentApplication } from '../../workflows/enrolment-application';
import {
  caseViewQuery,
  decideUpdate,
  ENROLMENT_WORKFLOW_TYPE,
  FAILURE_TYPES,
  withdrawUpdate,
  type CaseView,
  type EnrolmentApplicationInput,
  type TransitionResult,
} from '../../workflows/messages';
import {
  ChannelKey,
  CountyCodeKey,
  EnrolmentStatusKey,
  FormTypeKey,
  SeasonYearKey,
  StageKey,
} from '../../workflows/search-attributes';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  IDEMPOTENCY_STORE,
  REFERENCE_DATA,
  TEMPORAL_CLIENT,
} from '../tokens';

/** A query that cannot be answered this fast falls back to the read model. */
const LIVE_QUERY_DEADLINE_MS = 3000;

export interface CallerContext {
  readonly principal: Principal;
  /** X-Family-Token: the platform vouching for a family. */
  readonly familyToken?: string;
}

export interface SubmissionReceipt {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
  readonly workflowId: string;
}

const isFamily = (principal: Principal) =>
  principal.role === 'PARENT' || principal.role === 'PLATFORM';

type CaseRow = NonNullable<Awaited<ReturnType<ApplicationRepository['findByNumber']>>>;

interface StoredSchoolPriority {
  schoolId: string;
  tier: number;
  tierNameZh: string;
  tierNameEn: string;
}

/** Families read each check in plain words, their tier per school and what the registry corrected. */
function familyView(row: CaseRow) {
  const autoFill = (row.assessment?.autoFill ?? []) as unknown as AutoFilledField[];
  return {
    verification: row.verifications.map((v) => ({
      ...summariseCheck(v.check as Check, v.outcome),
      outcome: v.outcome,
    })),
    priority: row.assessment && {
      eligible: row.assessment.eligible,
      notes: row.assessment.notes,
      schools: (row.assessment.schools as unknown as StoredSchoolPriority[]).map(
        ({ schoolId, tier, tierNameZh, tierNameEn }) => ({
          schoolId,
          tier,
          tierNameZh,
          tierNameEn,
        }),
      ),
    },
    registryCorrections: autoFill.filter((f) => !f.agrees),
  };
}

/** Reviewers and operators see the evidence: what each registry said, and everything priority used. */
function officialView(row: CaseRow) {
  return {
    verification: row.verifications.map((v) => ({
      check: v.check,
      outcome: v.outcome,
      mismatchedFields: v.mismatchedFields,
      evidence: v.evidence,
      checkedAt: v.checkedAt.toISOString(),
    })),
    assessment: row.assessment && {
      policyVersion: row.assessment.policyVersion,
      eligible: row.assessment.eligible,
      notes: row.assessment.notes,
      schools: row.assessment.schools,
      autoFill: row.assessment.autoFill,
      facts: row.assessment.facts,
      assessedAt: row.assessment.assessedAt.toISOString(),
    },
  };
}

/** Submitting, reading, withdrawing and deciding applications; every access is checked here. */
@Injectable()
export class ApplicationsService {
  private readonly logger = new Logger(ApplicationsService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  /** Submission with an optional Idempotency-Key: a retried request gets the first answer. */
  async submitOnce(
    form: ApplicationForm,
    caller: CallerContext,
    idempotencyKey?: string,
  ): Promise<SubmissionReceipt> {
    if (!idempotencyKey) return this.submit(form, caller);
    const principal = actorOf(caller.principal);
    const requestHash = createHash('sha256').update(JSON.stringify(form)).digest('hex');
    const claim = await this.idempotency.claim(principal, idempotencyKey, requestHash);
    if (claim.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (claim.kind === 'in-progress') throw new RequestInProgressError();
    if (claim.kind === 'replay') return claim.body as SubmissionReceipt;
    try {
      const receipt = await this.submit(form, caller);
      await this.idempotency.complete(principal, idempotencyKey, 201, receipt);
      return receipt;
    } catch (error) {
      await this.idempotency.release(principal, idempotencyKey);
      throw error;
    }
  }

  async submit(form: ApplicationForm, caller: CallerContext): Promise<SubmissionReceipt> {
    const { ownerSub, registrationPointId } = await this.submitter(form, caller);
    await this.checkReferenceData(form);

    const key = childKey(this.config.CHILD_KEY_SECRET, form.child.idNumber);
    const workflowId = enrolmentWorkflowId(form.seasonYear, form.stage, key);
    // A closed case blocks a new one unless it ended without a place (withdrawn, rejected, lapsed);
    // a running case is refused by Temporal itself below.
    const previous = await this.applications.latestForWorkflow(workflowId);
    if (previous && !REOPENABLE_STATUSES.includes(previous.status))
      throw new DuplicateApplicationError(previous.applicationNo);

    const sequence = await this.applications.nextSequence(form.seasonYear, form.countyCode);
    const applicationNo = formatApplicationNo(form.seasonYear, form.countyCode, sequence);
    const input: EnrolmentApplicationInput = {
      applicationNo,
      form,
      childKey: key,
      childIdMasked: maskResidentId(form.child.idNumber),
      ownerSub,
      submittedBy: actorOf(caller.principal),
      registrationPointId,
      submittedAt: new Date().toISOString(),
      settings: {
        verificationAttemptTimeoutMs: this.config.DATA_SHARING_TIMEOUT_MS + 5000,
        verificationRetryBudgetMs: this.config.VERIFICATION_RETRY_BUDGET_MS,
      },
    };
    let runId: string;
    try {
      ({ firstExecutionRunId: runId } = await this.temporal.workflow.start<
        typeof enrolmentApplication
      >(ENROLMENT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
        memo: { applicationNo },
        typedSearchAttributes: [
          { key: EnrolmentStatusKey, value: 'SUBMITTED' },
          { key: CountyCodeKey, value: form.countyCode },
          { key: StageKey, value: form.stage },
          { key: SeasonYearKey, value: form.seasonYear },
          { key: FormTypeKey, value: form.formType },
          { key: ChannelKey, value: form.channel },
        ],
      }));
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        const existing = await this.temporal.workflow.getHandle(workflowId).describe();
        const existingNo = existing.memo?.applicationNo;
        throw new DuplicateApplicationError(
          typeof existingNo === 'string' ? existingNo : 'unknown',
          { cause: error },
        );
      }
      throw error;
    }
    // The workflow records the same first entry; writing it here too makes the case readable the
    // moment this call returns, and the idempotent write makes the order of the two irrelevant.
    await this.applications.recordTransition(
      input,
      { workflowId, runId },
      {
        seq: 1,
        from: null,
        to: 'SUBMITTED',
        actor: input.submittedBy,
        channel: form.channel,
        reason: null,
        at: input.submittedAt,
      },
    );
    return { applicationNo, status: 'SUBMITTED', workflowId };
  }

  /** Who owns the case and where it was entered, from the caller's role and the channel used. */
  private async submitter(form: ApplicationForm, caller: CallerContext) {
    const { principal } = caller;
    const online = form.channel === 'ONLINE_WEB' || form.channel === 'ONLINE_MOBILE';
    switch (principal.role) {
      case 'PARENT':
        if (!online) throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
        return { ownerSub: principal.sub, registrationPointId: null };
      case 'PLATFORM': {
        if (!online) throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
        const familySub = await this.familyOf(caller);
        if (!familySub)
          throw new RuleViolationError([violation('X-Family-Token', 'FAMILY_TOKEN_REQUIRED')]);
        return { ownerSub: familySub, registrationPointId: null };
      }
      case 'STAFF': {
        if (form.channel !== 'OFFLINE')
          throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
        const point = principal.pointId
          ? await this.reference.registrationPoint(principal.pointId)
          : null;
        if (
          !point ||
          point.countyCode !== form.countyCode ||
          !coversCounty(principal, form.countyCode)
        ) {
          throw new RuleViolationError([violation('countyCode', 'POINT_NOT_IN_COUNTY')]);
        }
        return { ownerSub: null, registrationPointId: point.id };
      }
      default:
        throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
    }
  }

  private async checkReferenceData(form: ApplicationForm): Promise<void> {
    const [season, schools] = await Promise.all([
      this.reference.seasonRules(form.seasonYear),
      this.reference.schools(form.schoolChoices),
    ]);
    const violations = checkAgainstReferenceData(form, season, schools);
    if (violations.length) throw new RuleViolationError(violations);
  }

  private async familyOf(caller: CallerContext): Promise<string | undefined> {
    if (caller.principal.role !== 'PLATFORM' || !caller.familyToken) return undefined;
    try {
      return await verifyFamilyToken(caller.familyToken, familyTokenSettings(this.config));
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthenticatedError(`family token: ${error.message}`, { cause: error });
      throw error;
    }
  }

  /** A family's own applications, newest first. */
  async listMine(caller: CallerContext) {
    const owner =
      caller.principal.role === 'PARENT' ? caller.principal.sub : await this.familyOf(caller);
    if (!owner) return [];
    const rows = await this.applications.listOwnedBy(owner);
    return rows.map((row) => ({
      ...row,
      submittedAt: row.submittedAt.toISOString(),
      guidance: guidanceFor(row.status),
    }));
  }

  async get(applicationNo: string, caller: CallerContext) {
    const row = await this.readable(applicationNo, caller, canReadCase);
    const live = await this.liveView(row.workflowId, row.runId);
    const status = live?.status ?? row.status;
    return {
      applicationNo: row.applicationNo,
      status,
      statusSource: live ? 'workflow' : 'read-model',
      guidance: guidanceFor(status),
      seasonYear: row.seasonYear,
      stage: row.stage,
      countyCode: row.countyCode,
      formType: row.formType,
      channel: row.channel,
      child: { name: row.childName, idNumber: row.childIdMasked },
      submittedAt: row.submittedAt.toISOString(),
      timeline: live
        ? live.timeline
        : row.events.map((e) => ({
            seq: e.seq,
            from: e.fromStatus,
            to: e.toStatus,
            actor: e.actor,
            channel: e.channel,
            reason: e.reason,
            at: e.occurredAt.toISOString(),
          })),
      ...(isFamily(caller.principal) ? familyView(row) : officialView(row)),
      ...(isFamily(caller.principal)
        ? {}
        : {
            temporal: {
              workflowId: row.workflowId,
              runId: row.runId,
              webUi: `${temporalUiUrl(this.config)}/namespaces/${this.config.TEMPORAL_NAMESPACE}/workflows/${encodeURIComponent(row.workflowId)}/${row.runId}`,
            },
          }),
    };
  }

  async withdraw(
    applicationNo: string,
    caller: CallerContext,
    reason?: string,
  ): Promise<TransitionResult> {
    const row = await this.readable(applicationNo, caller, canWithdrawCase);
    return this.update(row, 'WITHDRAW', (handle) =>
      handle.executeUpdate(withdrawUpdate, {
        args: [{ actor: actorOf(caller.principal), ...(reason ? { reason } : {}) }],
      }),
    );
  }

  async decide(
    applicationNo: string,
    caller: CallerContext,
    decision: { decision: 'APPROVE' | 'REJECT'; reason?: string },
  ) {
    const row = await this.readable(applicationNo, caller, (p, scope) => canDecideCase(p, scope));
    return this.update(row, decision.decision, (handle) =>
      handle.executeUpdate(decideUpdate, {
        args: [{ ...decision, reviewerId: actorOf(caller.principal) }],
      }),
    );
  }

  /** The case if the caller may act on it; otherwise not found, so nothing about it leaks. */
  private async readable(
    applicationNo: string,
    caller: CallerContext,
    allowed: (principal: Principal, scope: CaseScope, familySub?: string) => boolean,
  ) {
    const row = await this.applications.findByNumber(applicationNo);
    const familySub = await this.familyOf(caller);
    if (!row || !allowed(caller.principal, row, familySub))
      throw new ApplicationNotFoundError(applicationNo);
    return row;
  }

  private async update(
    row: { applicationNo: string; workflowId: string; runId: string; status: EnrolmentStatus },
    action: string,
    send: (handle: WorkflowHandle) => Promise<TransitionResult>,
  ): Promise<TransitionResult> {
    try {
      return await send(this.temporal.workflow.getHandle(row.workflowId, row.runId));
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        if (error.cause.type === FAILURE_TYPES.invalidState) {
          const current = (await this.liveView(row.workflowId, row.runId))?.status ?? row.status;
          throw new InvalidTransitionError(action, current, { cause: error });
        }
      }
      if (error instanceof WorkflowNotFoundError) {
        // The run has closed (decided or withdrawn and completed): nothing more can change.
        const current = (await this.applications.statusOf(row.applicationNo)) ?? row.status;
        throw new InvalidTransitionError(action, current, { cause: error });
      }
      throw error;
    }
  }

  private async liveView(workflowId: string, runId: string): Promise<CaseView | undefined> {
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
