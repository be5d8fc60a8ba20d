import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { ConsentRepository } from '../../db/consent-repository';
import type { IdempotencyStore } from '../../db/idempotency-store';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import { childKey, enrolmentWorkflowId } from '../../domain/application-identity';
import { REOPENABLE_STATUSES, type EnrolmentStatus } from '../../domain/enrolment';
import {
  DuplicateApplicationError,
  IdempotencyKeyReusedError,
  RequestInProgressError,
  RuleViolationError,
} from '../../domain/errors';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { checkAgainstReferenceData } from '../../domain/forms/reference-checks';
import { violation } from '../../domain/forms/violations';
import { actorOf, coversCounty } from '../../domain/principal';
import { maskResidentId } from '../../domain/resident-id';
import {
  ENROLMENT_WORKFLOW_TYPE,
  initialSearchAttributes,
  type EnrolmentApplicationInput,
  type EnrolmentApplicationWorkflow,
} from '../../contract';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { RegistrationWindowGate } from './registration-window.gate';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  CONSENT,
  IDEMPOTENCY_STORE,
  REFERENCE_DATA,
  TEMPORAL_CLIENT,
} from '../injection-tokens';

export interface SubmissionReceipt {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
  readonly workflowId: string;
}

/**
 * Submitting an application: who may submit through which channel, the reference-data checks,
 * the duplicate rules, and the start of the case's workflow.
 */
@Injectable()
export class SubmissionService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(CONSENT) private readonly consent: ConsentRepository,
    private readonly cases: CaseGateway,
    private readonly window: RegistrationWindowGate,
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
    const late = await this.window.admit(form, caller);
    await this.checkReferenceData(form);

    const key = childKey(this.config.CHILD_KEY_SECRET, form.child.idNumber);
    const workflowId = enrolmentWorkflowId(form.seasonYear, form.stage, key);
    // A closed case blocks a new one unless it ended without a place (withdrawn, rejected, lapsed);
    // a running case is refused by Temporal itself below.
    const previous = await this.applications.latestForWorkflow(workflowId);
    if (previous && !REOPENABLE_STATUSES.includes(previous.status))
      throw new DuplicateApplicationError(previous.applicationNo);

    // Taken after the duplicate check, and once for all concurrent duplicates of this child.
    const { applicationNo, fresh } = await this.applications.claimApplicationNo({
      workflowId,
      after: previous?.applicationNo ?? null,
      seasonYear: form.seasonYear,
      countyCode: form.countyCode,
    });
    // A case already holds the number: this request raced with the one that started it.
    if (!fresh && (await this.applications.statusOf(applicationNo)))
      throw new DuplicateApplicationError(applicationNo);
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
        reviewSlaMs:
          (await this.reference.countySettings(form.countyCode))?.reviewSlaMs ??
          this.config.REVIEW_SLA_MS,
      },
    };
    let runId: string;
    try {
      ({ firstExecutionRunId: runId } =
        await this.temporal.workflow.start<EnrolmentApplicationWorkflow>(ENROLMENT_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
          memo: { applicationNo },
          typedSearchAttributes: initialSearchAttributes(form),
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
    if (late) await this.window.recordLateEntry(applicationNo, form, caller, late);
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
        const familySub = await this.cases.familyOf(caller);
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
        const paperForm = form.consent.paperForm?.documentSha256;
        if (paperForm && !(await this.consent.hasForm(point.id, paperForm))) {
          throw new RuleViolationError([
            violation('consent.paperForm.documentSha256', 'CONSENT_FORM_UNKNOWN'),
          ]);
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
}
