import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  TimeoutFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { DECIDABLE_STATUSES, type CheckOutcome, type EnrolmentStatus } from '../domain/enrolment';
import type { CheckResult } from '../domain/verification/identity-outcome';
import {
  caseViewQuery,
  decideUpdate,
  FAILURE_TYPES,
  type DecisionResult,
  type EnrolmentApplicationInput,
  type ReviewDecision,
  type TimelineEntry,
} from './messages';
import { EnrolmentStatusKey } from './search-attributes';

const SYSTEM_ACTOR = 'system';

// The read model must eventually catch up whatever the database does, so recording never gives up.
const { recordTransition, recordCheck } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface EnrolmentOutcome {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
}

/** One family's application, from submission to the reviewer's decision (DESIGN.md §3). */
export async function enrolmentApplication(
  input: EnrolmentApplicationInput,
): Promise<EnrolmentOutcome> {
  let status: EnrolmentStatus = 'SUBMITTED';
  const timeline: TimelineEntry[] = [];
  const checks: Partial<Record<string, CheckOutcome>> = {};
  let decisionTaken = false;

  setHandler(caseViewQuery, () => ({
    applicationNo: input.applicationNo,
    status,
    timeline,
    checks,
  }));

  setHandler(
    decideUpdate,
    async (decision: ReviewDecision): Promise<DecisionResult> => {
      decisionTaken = true;
      const to = decision.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      await moveTo(to, decision.reviewerId, decision.reason ?? null);
      return { applicationNo: input.applicationNo, status };
    },
    {
      validator: (decision: ReviewDecision) => {
        if (decisionTaken || !DECIDABLE_STATUSES.includes(status)) {
          throw ApplicationFailure.create({
            type: FAILURE_TYPES.invalidState,
            message: `The case is ${status}; a decision is not accepted in that state.`,
            details: [{ currentStatus: status, action: decision.decision }],
          });
        }
        if (decision.decision === 'REJECT' && !decision.reason?.trim()) {
          throw ApplicationFailure.create({
            type: FAILURE_TYPES.invalidInput,
            message: 'A rejection needs a reason the family can read.',
            details: [{ path: 'reason' }],
          });
        }
      },
    },
  );

  async function moveTo(
    to: EnrolmentStatus,
    actor: string,
    reason: string | null,
    at = new Date(),
  ): Promise<void> {
    const entry: TimelineEntry = {
      seq: timeline.length + 1,
      from: timeline.length ? status : null,
      to,
      actor,
      channel: timeline.length ? null : input.channel,
      reason,
      at: at.toISOString(),
    };
    timeline.push(entry);
    status = to;
    upsertSearchAttributes([{ key: EnrolmentStatusKey, value: to }]);
    await recordTransition(input, workflowInfo().workflowId, entry);
  }

  // Same entry the API wrote on submission (same seq and time), so this write is a no-op there.
  await moveTo('SUBMITTED', input.submittedBy, null, new Date(input.submittedAt));
  await moveTo('VERIFYING', SYSTEM_ACTOR, null);

  const identity = await verifyIdentityWithinBudget(input);
  checks.IDENTITY = identity.outcome;
  await recordCheck(input.applicationNo, 'IDENTITY', identity, new Date().toISOString());

  if (identity.outcome === 'UNAVAILABLE') {
    await moveTo(
      'AWAITING_OFFLINE_CHECK',
      SYSTEM_ACTOR,
      'Identity could not be verified online; documents will be checked in person.',
    );
  } else {
    await moveTo('AWAITING_REVIEW', SYSTEM_ACTOR, null);
  }

  await condition(() => status === 'APPROVED' || status === 'REJECTED');
  await condition(allHandlersFinished);
  return { applicationNo: input.applicationNo, status };
}

/**
 * A department that is down is retried with backoff until the case's budget runs out; then the
 * check is UNAVAILABLE and the case goes to offline checking instead of failing (DESIGN.md §3).
 */
async function verifyIdentityWithinBudget(input: EnrolmentApplicationInput): Promise<CheckResult> {
  const { verifyIdentity } = proxyActivities<Activities>({
    startToCloseTimeout: input.settings.verificationAttemptTimeoutMs,
    scheduleToCloseTimeout: input.settings.verificationRetryBudgetMs,
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      nonRetryableErrorTypes: [FAILURE_TYPES.departmentRejected],
    },
  });
  try {
    return await verifyIdentity(input);
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const reason =
      error.cause instanceof TimeoutFailure
        ? `retry budget of ${input.settings.verificationRetryBudgetMs} ms exhausted`
        : (error.cause?.message ?? 'department refused the request');
    return { outcome: 'UNAVAILABLE', mismatchedFields: [], evidence: { reason } };
  }
}
