import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CaseGateway, type CallerContext } from './case-gateway';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/common';
import { temporalUiUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { IdempotencyStore } from '../../db/idempotency-store';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import { childKey, enrolmentWorkflowId } from '../../domain/application-identity';
import { canReadCase, canWithdrawCase } from '../../domain/case-access';
import { REOPENABLE_STATUSES, type EnrolmentStatus } from '../../domain/enrolment';
import {
  DuplicateApplicationError,
  IdempotencyKeyReusedError,
  RequestInProgressError,
  RuleViolationError,
} from '../../domain/errors';
import { guidanceFor } from '../../domain/family-guidance';
import { detectAttachmentType } from '../../domain/attachments';
import type { SupplementItem } from '../../domain/review';
import type { AttachmentStore } from '../../storage/attachment-store';
import type { AutoFilledField } from '../../domain/eligibility/facts-from-checks';
import { descriptorOf, type Check } from '../../domain/verification/checks';
import { summariseCheck } from '../../domain/verification/family-summary';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { checkAgainstReferenceData } from '../../domain/forms/reference-checks';
import { violation } from '../../domain/forms/violations';
import { actorOf, coversCounty, type Principal } from '../../domain/principal';
import { maskResidentId } from '../../domain/resident-id';
import {
  ENROLMENT_WORKFLOW_TYPE,
  provideSupplementUpdate,
  withdrawUpdate,
  type AttachmentRef,
  type SupplementProvided,
  type EnrolmentApplicationInput,
  type TransitionResult,
  initialSearchAttributes,
  type EnrolmentApplicationWorkflow,
} from '../../contract';
import {
  API_CONFIG,
  ATTACHMENT_STORE,
  APPLICATION_REPOSITORY,
  IDEMPOTENCY_STORE,
  REFERENCE_DATA,
  TEMPORAL_CLIENT,
} from '../tokens';

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
    admission: row.admission,
  };
}

/** Reviewers and operators see the evidence: what each registry said, and everything priority used. */
function officialView(row: CaseRow) {
  return {
    verification: row.verifications.map((v) => ({
      check: v.check,
      /** Which registry was asked and on what, in the reviewer's words. */
      about: descriptorOf(v.check as Check).reviewer,
      outcome: v.outcome,
      mismatchedFields: v.mismatchedFields,
      evidence: v.evidence,
      checkedAt: v.checkedAt.toISOString(),
    })),
    admission: row.admission,
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
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly cases: CaseGateway,
    @Inject(ATTACHMENT_STORE) private readonly attachmentStore: AttachmentStore,
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

  /** A family's own applications, newest first. */
  async listMine(caller: CallerContext) {
    const owner =
      caller.principal.role === 'PARENT' ? caller.principal.sub : await this.cases.familyOf(caller);
    if (!owner) return [];
    const rows = await this.applications.listOwnedBy(owner);
    return rows.map((row) => ({
      ...row,
      submittedAt: row.submittedAt.toISOString(),
      guidance: guidanceFor(row.status),
    }));
  }

  async get(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canReadCase);
    const view = await this.cases.liveView(row.workflowId, row.runId);
    // The read model can know more than the run: an operator's terminate is recorded only there.
    const live = view && view.timeline.length >= row.lastEventSeq ? view : undefined;
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
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    return this.cases.update(
      row,
      caller,
      { action: 'WITHDRAW', reason: reason ?? null },
      (handle) =>
        handle.executeUpdate(withdrawUpdate, {
          args: [{ actor: actorOf(caller.principal), ...(reason ? { reason } : {}) }],
        }),
    );
  }

  /** Stores one document for the case after checking what it really is. */
  async uploadAttachment(
    applicationNo: string,
    caller: CallerContext,
    file: Express.Multer.File | undefined,
  ) {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    if (!file) throw new RuleViolationError([violation('file', 'REQUIRED')]);
    const mimeType = detectAttachmentType(file.buffer);
    if (!mimeType) throw new RuleViolationError([violation('file', 'ATTACHMENT_TYPE')]);
    const { sha256, storageKey } = await this.attachmentStore.put(file.buffer);
    // Control characters and path separators have no place in a file name shown to reviewers.
    // eslint-disable-next-line no-control-regex
    const fileName = file.originalname.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200);
    await this.applications.saveAttachment({
      applicationNo: row.applicationNo,
      sha256,
      mimeType,
      size: file.size,
      fileName,
      storageKey,
      uploadedBy: actorOf(caller.principal),
    });
    return { sha256, mimeType, size: file.size, fileName };
  }

  /** The family's answer to a supplement request; documents must have been uploaded to this case. */
  async provideSupplement(
    applicationNo: string,
    caller: CallerContext,
    items: { item: string; text?: string; attachments: string[] }[],
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    const provided = await this.supplementFor(row.applicationNo, items, actorOf(caller.principal));
    return this.cases.update(
      row,
      caller,
      { action: 'PROVIDE_SUPPLEMENT', reason: items.map((i) => i.item).join(', ') },
      (handle) => handle.executeUpdate(provideSupplementUpdate, { args: [provided] }),
    );
  }

  /** A supplement as the workflow takes it; its documents must have been uploaded to the case. */
  async supplementFor(
    applicationNo: string,
    items: readonly { item: string; text?: string; attachments: readonly string[] }[],
    actor: string,
  ): Promise<SupplementProvided> {
    const wanted = [...new Set(items.flatMap((i) => i.attachments))];
    const stored = new Map(
      (await this.applications.attachments(applicationNo, wanted)).map((a) => [a.sha256, a]),
    );
    const violations = items.flatMap((i, n) =>
      i.attachments.flatMap((sha, k) =>
        stored.has(sha) ? [] : [violation(`items[${n}].attachments[${k}]`, 'ATTACHMENT_UNKNOWN')],
      ),
    );
    if (violations.length) throw new RuleViolationError(violations);
    return {
      actor,
      items: items.map((i) => ({
        item: i.item as SupplementItem,
        ...(i.text && { text: i.text }),
        attachments: i.attachments.map((sha) => {
          const a = stored.get(sha)!;
          return {
            sha256: a.sha256,
            mimeType: a.mimeType as AttachmentRef['mimeType'],
            size: a.size,
            fileName: a.fileName,
          };
        }),
      })),
    };
  }
}
