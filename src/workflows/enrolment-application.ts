import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
  TimeoutFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  DECIDABLE_STATUSES,
  WITHDRAWABLE_STATUSES,
  type CheckOutcome,
  type EnrolmentStatus,
} from '../domain/enrolment';
import { checksFor, type Check, type CheckResult } from '../domain/verification/checks';
import {
  caseViewQuery,
  decideUpdate,
  FAILURE_TYPES,
  withdrawUpdate,
  type EnrolmentApplicationInput,
  type ReviewDecision,
  type StatusNotice,
  type TimelineEntry,
  type TransitionResult,
  type Withdrawal,
} from './messages';
import { EnrolmentStatusKey } from './search-attributes';

const SYSTEM_ACTOR = 'system';
const FINAL_STATUSES: readonly EnrolmentStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN'];

// The read model and the platform must eventually hear of every change whatever their outages,
// so recording and notifying retry without limit (backing off to once a few minutes).
const { recordTransition, recordCheck, notifyPlatform, assessEligibility } =
  proxyActivities<Activities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  });

export interface EnrolmentOutcome {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
}

/** One family's application, from submission to the reviewer's decision (DESIGN.md §3). */
export async function enrolmentApplication(
  input: EnrolmentApplicationInput,
): Promise<EnrolmentOutcome> {
  const { workflowId, runId } = workflowInfo();
  let status: EnrolmentStatus = 'SUBMITTED';
  const timeline: TimelineEntry[] = [];
  const checks: Partial<Record<string, CheckOutcome>> = {};
  const outbox: StatusNotice[] = [];
  let settled = false;
  const verification = new CancellationScope();

  const rejectUnless = (allowed: boolean, action: string) => {
    if (!allowed) {
      throw ApplicationFailure.create({
        type: FAILURE_TYPES.invalidState,
        message: `The case is ${status}; "${action}" is not accepted in that state.`,
        details: [{ currentStatus: status, action }],
      });
    }
  };

  setHandler(caseViewQuery, () => ({
    applicationNo: input.applicationNo,
    status,
    timeline,
    checks,
    pendingNotifications: outbox.length,
  }));

  setHandler(
    decideUpdate,
    async (decision: ReviewDecision): Promise<TransitionResult> => {
      settled = true;
      await moveTo(
        decision.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
        decision.reviewerId,
        decision.reason ?? null,
      );
      return { applicationNo: input.applicationNo, status };
    },
    {
      validator: (decision: ReviewDecision) => {
        rejectUnless(!settled && DECIDABLE_STATUSES.includes(status), decision.decision);
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

  setHandler(
    withdrawUpdate,
    async (withdrawal: Withdrawal): Promise<TransitionResult> => {
      settled = true;
      verification.cancel();
      await moveTo('WITHDRAWN', withdrawal.actor, withdrawal.reason ?? null);
      return { applicationNo: input.applicationNo, status };
    },
    {
      validator: (_withdrawal: Withdrawal) =>
        rejectUnless(!settled && WITHDRAWABLE_STATUSES.includes(status), 'WITHDRAW'),
    },
  );

  /** State changes at once (queries see it); the read model and the platform follow. */
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
      channel: timeline.length ? null : input.form.channel,
      reason,
      at: at.toISOString(),
    };
    timeline.push(entry);
    status = to;
    upsertSearchAttributes([{ key: EnrolmentStatusKey, value: to }]);
    outbox.push({
      deliveryId: `${workflowId}/${runId}/${entry.seq}`,
      applicationNo: input.applicationNo,
      ownerSub: input.ownerSub,
      seq: entry.seq,
      status: to,
      previousStatus: entry.from,
      reason,
      at: entry.at,
    });
    await recordTransition(input, workflowId, runId, entry);
  }

  /** One notice at a time, in order; a platform outage delays notices, never the case. */
  let closing = false;
  const notifying = (async () => {
    for (;;) {
      await condition(() => outbox.length > 0 || closing);
      const next = outbox[0];
      if (!next) return;
      await notifyPlatform(next);
      outbox.shift();
    }
  })();

  const active = () => !settled;

  // Same entry the API wrote on submission (same seq and time), so this write is a no-op there.
  await moveTo('SUBMITTED', input.submittedBy, null, new Date(input.submittedAt));
  if (active()) await moveTo('VERIFYING', SYSTEM_ACTOR, null);
  if (active()) {
    const results = await verification
      .run(() => verifyAll(input))
      .catch((error: unknown) => {
        if (isCancellation(error)) return undefined;
        throw error;
      });
    if (results && active()) {
      const checkedAt = new Date().toISOString();
      for (const [check, result] of results) checks[check] = result.outcome;
      await Promise.all(
        results.map(([check, result]) =>
          recordCheck(input.applicationNo, check, result, checkedAt),
        ),
      );
      await assessEligibility(input, Object.fromEntries(results));
      const unavailable = results
        .filter(([, result]) => result.outcome === 'UNAVAILABLE')
        .map(([check]) => check);
      if (active()) {
        await (unavailable.length
          ? moveTo(
              'AWAITING_OFFLINE_CHECK',
              SYSTEM_ACTOR,
              `Not verifiable online (${unavailable.join(', ')}); documents will be checked in person.`,
            )
          : moveTo('AWAITING_REVIEW', SYSTEM_ACTOR, null));
      }
    }
  }

  await condition(() => FINAL_STATUSES.includes(status));
  await condition(allHandlersFinished);
  closing = true;
  await notifying;
  return { applicationNo: input.applicationNo, status };
}

const CHECK_ACTIVITIES = {
  IDENTITY: 'verifyIdentity',
  HOUSEHOLD: 'verifyHousehold',
  PROPERTY: 'verifyProperty',
  RESIDENCE_PERMIT: 'verifyResidencePermit',
  SOCIAL_INSURANCE: 'verifySocialInsurance',
} as const satisfies Record<Check, keyof Activities>;

/** Every check the form calls for, at once: they ask different departments. */
function verifyAll(input: EnrolmentApplicationInput): Promise<[Check, CheckResult][]> {
  return Promise.all(
    checksFor(input.form).map(async (check): Promise<[Check, CheckResult]> => [
      check,
      await verifyWithinBudget(check, input),
    ]),
  );
}

/**
 * A department that is down is retried with backoff until the case's budget runs out; then the
 * check is UNAVAILABLE and the case goes to offline checking instead of failing (DESIGN.md §3).
 */
async function verifyWithinBudget(
  check: Check,
  input: EnrolmentApplicationInput,
): Promise<CheckResult> {
  const activities = proxyActivities<Activities>({
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
    return await activities[CHECK_ACTIVITIES[check]](input);
  } catch (error) {
    if (!(error instanceof ActivityFailure) || isCancellation(error)) throw error;
    const reason =
      error.cause instanceof TimeoutFailure
        ? `retry budget of ${input.settings.verificationRetryBudgetMs} ms exhausted`
        : (error.cause?.message ?? 'department refused the request');
    return { outcome: 'UNAVAILABLE', mismatchedFields: [], evidence: { reason } };
  }
}
