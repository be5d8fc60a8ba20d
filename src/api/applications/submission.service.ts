import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { IdempotencyStore } from '../../db/idempotency-store';
import type { CountyPeriods, ReferenceDataRepository } from '../../db/reference-data-repository';
import { childKey, enrolmentWorkflowId } from '../../domain/application-identity';
import { DEFAULT_APPEAL_WINDOW_MS } from '../../domain/appeals';
import { REOPENABLE_STATUSES, type EnrolmentStatus } from '../../domain/enrolment';
import {
  IdempotencyKeyReusedError,
  RequestInProgressError,
  RuleViolationError,
} from '../../domain/errors';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { checkAgainstReferenceData } from '../../domain/forms/reference-checks';
import { actorOf } from '../../domain/principal';
import { maskResidentId } from '../../domain/resident-id';
import { timedStage } from '../../observability/metrics';
import {
  ENROLMENT_WORKFLOW_TYPE,
  initialSearchAttributes,
  submissionEntry,
  type EnrolmentApplicationInput,
  type EnrolmentApplicationWorkflow,
} from '../../contract';
import type { CallerContext } from '../auth/caller';
import { ClaimsService, type IssuedCode } from '../claims/claims.service';
import { AdmissionControl } from './admission-control';
import { IntakeGuards, type Submitter } from './intake-guards';
import { Reapplication } from './reapplication';
import { RegistrationWindowGate, type LateEntry } from './registration-window.gate';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  IDEMPOTENCY_STORE,
  REFERENCE_DATA,
  TEMPORAL_CLIENT,
} from '../injection-tokens';

export interface SubmissionReceipt {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
  readonly workflowId: string;
  /** An offline entry's claim code (issue 14); never stored with the idempotent answer. */
  readonly claim?: IssuedCode;
}

/** The child's newest case before this submission, if any. */
type PreviousCase = Awaited<ReturnType<IntakeGuards['existingCase']>>;

/** What intake's checks found before anything is written. */
interface Admitted {
  readonly submitter: Submitter;
  /** Staff entering the case after the window closed, and why. */
  readonly late: LateEntry | null;
  /** The county's own periods, which the case starts with. */
  readonly county: CountyPeriods | undefined;
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
    private readonly guards: IntakeGuards,
    private readonly window: RegistrationWindowGate,
    private readonly claims: ClaimsService,
    private readonly admission: AdmissionControl,
    private readonly reapplication: Reapplication,
  ) {}

  /** Submission with an optional Idempotency-Key: a retried request gets the first answer. */
  submitOnce(
    form: ApplicationForm,
    caller: CallerContext,
    idempotencyKey?: string,
  ): Promise<SubmissionReceipt> {
    return this.admission.taking(() => this.submitTaken(form, caller, idempotencyKey));
  }

  private async submitTaken(
    form: ApplicationForm,
    caller: CallerContext,
    idempotencyKey?: string,
  ): Promise<SubmissionReceipt> {
    // The registration window, the reference data (read in one round trip), then who may submit
    // the form, all before the key is claimed: a refusal stores nothing at all.
    const reference = await timedStage('reference_data', () => this.reference.forIntake(form));
    const late = this.window.admit(form, caller, reference.window);
    const violations = checkAgainstReferenceData(form, reference.season, reference.schools);
    if (violations.length) throw new RuleViolationError(violations);
    const submitter = await timedStage('submitter', () => this.guards.submitter(form, caller));
    const admitted = { submitter, late, county: reference.county };
    const receipt = await this.startOnce(form, caller, admitted, idempotencyKey);
    if (submitter.ownerSub !== null) return receipt;
    // A case entered offline has no account yet: its receipt carries the family's claim code,
    // issued afresh for a retried request (only a hash is kept, so the first cannot be replayed).
    const claim = await this.claims.issueFor(form, receipt.applicationNo, caller);
    return claim ? { ...receipt, claim } : receipt;
  }

  private async startOnce(
    form: ApplicationForm,
    caller: CallerContext,
    admitted: Admitted,
    idempotencyKey: string | undefined,
  ): Promise<SubmissionReceipt> {
    if (!idempotencyKey) return this.start(form, caller, admitted);
    const principal = actorOf(caller.principal);
    const requestHash = createHash('sha256').update(JSON.stringify(form)).digest('hex');
    const claim = await timedStage('idempotency', () =>
      this.idempotency.claim(principal, idempotencyKey, requestHash),
    );
    if (claim.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (claim.kind === 'in-progress') throw new RequestInProgressError();
    if (claim.kind === 'replay') return claim.body as SubmissionReceipt;
    try {
      const receipt = await this.start(form, caller, admitted);
      await timedStage('idempotency', () =>
        this.idempotency.complete(principal, idempotencyKey, 201, receipt),
      );
      return receipt;
    } catch (error) {
      await this.idempotency.release(principal, idempotencyKey);
      throw error;
    }
  }

  private async start(
    form: ApplicationForm,
    caller: CallerContext,
    admitted: Admitted,
  ): Promise<SubmissionReceipt> {
    const { submitter } = admitted;
    const key = childKey(this.config.CHILD_KEY_SECRET, form.child.idNumber);
    const workflowId = enrolmentWorkflowId(form.seasonYear, form.stage, key);
    // A closed case blocks a new one unless it ended without a place (withdrawn, rejected, lapsed);
    // a running case is refused by Temporal itself below.
    const previous = await timedStage('existing_case', () => this.guards.existingCase(workflowId));
    if (previous && !REOPENABLE_STATUSES.includes(previous.status))
      throw this.guards.duplicateOf(previous, caller, submitter);
    // The account's slot is held from here until the case's row counts it: the read model's
    // first write hands it over; a submission that fails before then gives it back.
    const release = await timedStage('account_room', () =>
      this.guards.reserveRoomForCase(submitter, workflowId),
    );
    try {
      return await this.startWithRoom(form, caller, admitted, { key, workflowId, previous });
    } catch (error) {
      await release();
      throw error;
    }
  }

  /** Numbers, starts and records the case once the account has room for it. */
  private async startWithRoom(
    form: ApplicationForm,
    caller: CallerContext,
    admitted: Admitted,
    { key, workflowId, previous }: { key: string; workflowId: string; previous: PreviousCase },
  ): Promise<SubmissionReceipt> {
    const { submitter, late } = admitted;
    // Before the first write: a refusal at capacity leaves no number, row or workflow behind
    // (an Idempotency-Key claimed above is released), and an accepted retry still replays.
    await timedStage('admission', () => this.admission.admit());

    // Taken after the duplicate check, and once for all concurrent duplicates of this child.
    const { applicationNo, fresh } = await timedStage('application_number', () =>
      this.applications.claimApplicationNo({
        workflowId,
        after: previous?.applicationNo ?? null,
        seasonYear: form.seasonYear,
        countyCode: form.countyCode,
      }),
    );
    // A case already holds the number: this request raced with the one that started it.
    if (!fresh && (await this.applications.statusOf(applicationNo)))
      throw this.guards.duplicateOf(await this.guards.existingCase(workflowId), caller, submitter);
    const input = this.caseInput(form, caller, admitted, { applicationNo, key });
    // The ended case's run may still be open (a rejection's appeal period, its last notices):
    // applying again closes it, unless an appeal is on file, and then the start below refuses.
    if (previous) await this.reapplication.closePrevious(workflowId, caller);
    const runId = await timedStage('workflow_start', () =>
      this.startCase(workflowId, input, caller, submitter),
    );
    // The workflow records the same first entry; writing it here too makes the case readable the
    // moment this call returns, and the idempotent write makes the order of the two irrelevant.
    await timedStage('read_model', () =>
      this.applications.recordSubmission(input, { workflowId, runId }, submissionEntry(input)),
    );
    if (late) await this.window.recordLateEntry(applicationNo, form, caller, late);
    return { applicationNo, status: 'SUBMITTED', workflowId };
  }

  /** What the case's workflow starts from: the form, who filed it, and the county's periods. */
  private caseInput(
    form: ApplicationForm,
    caller: CallerContext,
    { submitter: { ownerSub, registrationPointId }, county }: Admitted,
    { applicationNo, key }: { applicationNo: string; key: string },
  ): EnrolmentApplicationInput {
    return {
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
        reviewSlaMs: county?.reviewSlaMs ?? this.config.REVIEW_SLA_MS,
        appealWindowMs: county?.appealWindowMs ?? DEFAULT_APPEAL_WINDOW_MS,
      },
    };
  }

  /** Starts the case's run; a run of the same child still open makes this a duplicate. */
  private async startCase(
    workflowId: string,
    input: EnrolmentApplicationInput,
    caller: CallerContext,
    submitter: Submitter,
  ): Promise<string> {
    try {
      const { firstExecutionRunId } =
        await this.temporal.workflow.start<EnrolmentApplicationWorkflow>(ENROLMENT_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.FAIL,
          memo: {
            applicationNo: input.applicationNo,
            ownerSub: input.ownerSub,
            countyCode: input.form.countyCode,
          },
          typedSearchAttributes: initialSearchAttributes(input.form),
        });
      return firstExecutionRunId;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        // The running case's owner and county come with its start (memo), its row may be later.
        const { memo } = await this.temporal.workflow.getHandle(workflowId).describe();
        const existing =
          typeof memo?.applicationNo === 'string'
            ? {
                applicationNo: memo.applicationNo,
                ownerSub: typeof memo.ownerSub === 'string' ? memo.ownerSub : null,
                countyCode: typeof memo.countyCode === 'string' ? memo.countyCode : '',
              }
            : null;
        throw this.guards.duplicateOf(existing, caller, submitter, { cause: error });
      }
      throw error;
    }
  }
}
