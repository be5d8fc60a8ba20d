import {
  ActivityFailure,
  isCancellation,
  patched,
  proxyActivities,
  TimeoutFailure,
  type CancellationScope,
} from '@temporalio/workflow';
import {
  CHECK_ACTIVITY,
  checksFor,
  type Check,
  type CheckResult,
} from '../../domain/verification/checks';
import { relationUnconfirmed } from '../../domain/guardianship';
import {
  notVerifiableOnlineReason,
  RELATION_NOT_CONFIRMED_REASON,
} from '../../domain/timeline-reasons';
import { FAILURE_TYPES, type Activities, type EnrolmentApplicationInput } from '../../contract';
import { assessEligibility, recordCheck, recordChecksAndAssess } from './case-activities';
import { SYSTEM_ACTOR, type EnrolmentCase } from './case-state';

/*
 * The steps run in order by the case (enrolment-application.ts), each returning the very promise
 * the case awaits, without an `async` wrapper of its own: an extra await would shift when the
 * case's next command is issued relative to handlers running at the same moment, and recorded
 * histories must replay command for command.
 */

/** Runs from this patch on record SUBMITTED and VERIFYING in one activity (`takeFirstSteps`). */
export const FIRST_STEPS_TOGETHER = 'first-steps-together';

/**
 * SUBMITTED, as the API wrote it on submission (same seq and time, so that write is a no-op),
 * then VERIFYING unless an action settled the case first: taken at once, recorded together.
 */
export function takeFirstSteps(c: EnrolmentCase): Promise<void> {
  const submitted = c.takeStep(
    'SUBMITTED',
    c.input.submittedBy,
    null,
    new Date(c.input.submittedAt),
  );
  const steps = c.active ? [submitted, c.takeStep('VERIFYING', SYSTEM_ACTOR, null)] : [submitted];
  return c.recordSteps(steps);
}

/** Every check the form calls for; undefined when a withdrawal cancelled them. */
export function runChecks(
  c: EnrolmentCase,
  verification: CancellationScope,
): Promise<[Check, CheckResult][] | undefined> {
  return verification
    .run(() => verifyAll(c.input))
    .catch((error: unknown) => {
      if (isCancellation(error)) return undefined;
      throw error;
    });
}

/**
 * Runs started before this patch record each check's outcome in an activity of its own
 * (`recordChecks`), then assess; later runs do both in one activity (`assessChecks`).
 */
export const CHECKS_RECORDED_WITH_ASSESSMENT = 'checks-recorded-with-assessment';

/** The outcomes go on the case at once (queries see them); answers when they were checked. */
function noteOutcomes(c: EnrolmentCase, results: [Check, CheckResult][]): string {
  for (const [check, result] of results) c.checks[check] = result.outcome;
  return new Date().toISOString();
}

/** The outcomes on the case and, one activity each, in the read model (runs before the patch). */
export function recordChecks(c: EnrolmentCase, results: [Check, CheckResult][]): Promise<void[]> {
  const checkedAt = noteOutcomes(c, results);
  return Promise.all(
    results.map(([check, result]) => recordCheck(c.input.applicationNo, check, result, checkedAt)),
  );
}

/**
 * Eligibility is assessed on the checks' results (the read model keeps the summary), which
 * `withRecording` records in the same activity. The case keeps the results and the summary for
 * later assessments on a side branch, so the case awaits the very activity promise, as when the
 * histories were recorded.
 */
export function assessChecks(
  c: EnrolmentCase,
  results: [Check, CheckResult][],
  withRecording: boolean,
): Promise<unknown> {
  c.checkResults = Object.fromEntries(results);
  const assessing = withRecording
    ? recordChecksAndAssess(c.input, c.checkResults, noteOutcomes(c, results))
    : assessEligibility(c.input, c.checkResults);
  void assessing.then(
    (summary) => {
      c.eligibility = summary;
      c.assessmentVersion = 1;
    },
    () => undefined, // the case's own await sees the failure
  );
  return assessing;
}

/** Checks a department could not answer are done in person; otherwise the case goes to review. */
export function moveAfterChecks(c: EnrolmentCase, results: [Check, CheckResult][]): Promise<void> {
  const unavailable = results
    .filter(([, result]) => result.outcome === 'UNAVAILABLE')
    .map(([check]) => check);
  if (unavailable.length)
    return c.moveTo('AWAITING_OFFLINE_CHECK', SYSTEM_ACTOR, notVerifiableOnlineReason(unavailable));
  return relationUnconfirmed(Object.fromEntries(results))
    ? c.moveTo('AWAITING_OFFLINE_CHECK', SYSTEM_ACTOR, RELATION_NOT_CONFIRMED_REASON)
    : c.moveTo('AWAITING_REVIEW', SYSTEM_ACTOR, null);
}

/**
 * Every check the form calls for, at once: they ask different departments. A check added after a
 * case started (its `since` patch absent from the case's history) is not run on replay.
 */
function verifyAll(input: EnrolmentApplicationInput): Promise<[Check, CheckResult][]> {
  return Promise.all(
    checksFor(input.form, patched).map(async (check): Promise<[Check, CheckResult]> => [
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
    return await activities[CHECK_ACTIVITY[check]](input);
  } catch (error) {
    if (!(error instanceof ActivityFailure) || isCancellation(error)) throw error;
    const reason =
      error.cause instanceof TimeoutFailure
        ? `retry budget of ${input.settings.verificationRetryBudgetMs} ms exhausted`
        : (error.cause?.message ?? 'department refused the request');
    return { outcome: 'UNAVAILABLE', mismatchedFields: [], evidence: { reason } };
  }
}
