import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowIdReusePolicy } from '@temporalio/common';
import type { Config } from '../../config/config';
import { temporalUiUrl } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import { childKey, enrolmentWorkflowId } from '../../domain/application-identity';
import { formatApplicationNo } from '../../domain/application-number';
import {
  ApplicationNotFoundError,
  DuplicateApplicationError,
  InvalidTransitionError,
} from '../../domain/errors';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { maskResidentId } from '../../domain/resident-id';
import type { enrolmentApplication } from '../../workflows/enrolment-application';
import {
  caseViewQuery,
  decideUpdate,
  ENROLMENT_WORKFLOW_TYPE,
  FAILURE_TYPES,
  type CaseView,
  type DecisionResult,
  type EnrolmentApplicationInput,
  type ReviewDecision,
} from '../../workflows/messages';
import {
  ChannelKey,
  CountyCodeKey,
  EnrolmentStatusKey,
  FormTypeKey,
  SeasonYearKey,
  StageKey,
} from '../../workflows/search-attributes';
import { API_CONFIG, APPLICATION_REPOSITORY, TEMPORAL_CLIENT } from '../tokens';

/** A query that cannot be answered this fast falls back to the read model. */
const LIVE_QUERY_DEADLINE_MS = 3000;

@Injectable()
export class ApplicationsService {
  private readonly logger = new Logger(ApplicationsService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async submit(form: ApplicationForm, submittedBy: string) {
    const key = childKey(this.config.CHILD_KEY_SECRET, form.child.idNumber);
    const workflowId = enrolmentWorkflowId(form.seasonYear, form.stage, key);
    const sequence = await this.applications.nextSequence(form.seasonYear, form.countyCode);
    const applicationNo = formatApplicationNo(form.seasonYear, form.countyCode, sequence);
    const input: EnrolmentApplicationInput = {
      applicationNo,
      seasonYear: form.seasonYear,
      stage: form.stage,
      countyCode: form.countyCode,
      formType: form.formType,
      channel: form.channel,
      childKey: key,
      childIdMasked: maskResidentId(form.child.idNumber),
      child: form.child,
      guardian: form.guardian,
      submittedBy,
      submittedAt: new Date().toISOString(),
      settings: {
        verificationAttemptTimeoutMs: this.config.DATA_SHARING_TIMEOUT_MS + 5000,
        verificationRetryBudgetMs: this.config.VERIFICATION_RETRY_BUDGET_MS,
      },
    };
    try {
      await this.temporal.workflow.start<typeof enrolmentApplication>(ENROLMENT_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        memo: { applicationNo },
        typedSearchAttributes: [
          { key: EnrolmentStatusKey, value: 'SUBMITTED' },
          { key: CountyCodeKey, value: form.countyCode },
          { key: StageKey, value: form.stage },
          { key: SeasonYearKey, value: form.seasonYear },
          { key: FormTypeKey, value: form.formType },
          { key: ChannelKey, value: form.channel },
        ],
      });
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
    await this.applications.recordTransition(input, workflowId, {
      seq: 1,
      from: null,
      to: 'SUBMITTED',
      actor: submittedBy,
      channel: form.channel,
      reason: null,
      at: input.submittedAt,
    });
    return { applicationNo, status: 'SUBMITTED' as const, workflowId };
  }

  async get(applicationNo: string) {
    const row = await this.applications.findByNumber(applicationNo);
    if (!row) throw new ApplicationNotFoundError(applicationNo);
    const live = await this.liveView(row.workflowId);
    return {
      applicationNo: row.applicationNo,
      status: live?.status ?? row.status,
      statusSource: live ? 'workflow' : 'read-model',
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
      verification: row.verifications.map((v) => ({
        check: v.check,
        outcome: v.outcome,
        mismatchedFields: v.mismatchedFields,
        checkedAt: v.checkedAt.toISOString(),
      })),
      temporal: {
        workflowId: row.workflowId,
        webUi: `${temporalUiUrl(this.config)}/namespaces/${this.config.TEMPORAL_NAMESPACE}/workflows/${encodeURIComponent(row.workflowId)}`,
      },
    };
  }

  async decide(applicationNo: string, decision: ReviewDecision): Promise<DecisionResult> {
    const row = await this.applications.findByNumber(applicationNo);
    if (!row) throw new ApplicationNotFoundError(applicationNo);
    try {
      return await this.temporal.workflow
        .getHandle(row.workflowId)
        .executeUpdate(decideUpdate, { args: [decision] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        if (error.cause.type === FAILURE_TYPES.invalidState) {
          throw new InvalidTransitionError(
            decision.decision,
            await this.currentStatus(row.workflowId, row.status),
            { cause: error },
          );
        }
      }
      if (error instanceof WorkflowNotFoundError) {
        // The workflow has closed (decided and completed): nothing more to decide.
        throw new InvalidTransitionError(
          decision.decision,
          (await this.applications.statusOf(applicationNo)) ?? row.status,
          { cause: error },
        );
      }
      throw error;
    }
  }

  private async currentStatus(workflowId: string, fallback: string): Promise<string> {
    return (await this.liveView(workflowId))?.status ?? fallback;
  }

  private async liveView(workflowId: string): Promise<CaseView | undefined> {
    try {
      return await this.temporal.withDeadline(Date.now() + LIVE_QUERY_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(workflowId).query(caseViewQuery),
      );
    } catch (error) {
      this.logger.warn(
        `live view of ${workflowId} unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  }
}
