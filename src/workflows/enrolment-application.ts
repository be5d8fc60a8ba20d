import {
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  patched,
} from '@temporalio/workflow';
import { isAppealable } from '../domain/appeals';
import { FINAL_STATUSES } from '../domain/enrolment';
import { CANCELLED_REASON } from '../domain/timeline-reasons';
import type { EnrolmentApplicationInput, EnrolmentOutcome } from '../contract';
import { APPEALS, awaitAppeal } from './enrolment/appeals';
import { deliverLastNotices } from './enrolment/applying-again';
import { EnrolmentCase, SYSTEM_ACTOR } from './enrolment/case-state';
import {
  applyAdmission,
  awaitsLaterRound,
  expire,
  flagReviewOverdue,
  untilReviewOverdue,
  untilSupplementDeadline,
} from './enrolment/deadlines';
import { handleCaseActions } from './enrolment/handlers';
import { awaitBetterPlace, seeksBetterPlace } from './enrolment/reconsideration';
import { awaitRoundOrAppeal, UNPLACED_APPEALS } from './enrolment/unplaced-appeals';
import {
  awaitConfirmation,
  dropOpenOffer,
  holdsOpenOffer,
  PLACE_CONFIRMATION,
} from './enrolment/place';
import {
  assessChecks,
  CHECKS_RECORDED_WITH_ASSESSMENT,
  FIRST_STEPS_TOGETHER,
  moveAfterChecks,
  recordChecks,
  runChecks,
  takeFirstSteps,
} from './enrolment/verification-steps';

/*
 * The case's state and its status changes are in enrolment/case-state.ts, what people do to it
 * in enrolment/handlers.ts, the checks in enrolment/verification-steps.ts and the deadlines in
 * enrolment/deadlines.ts. The order of the case's awaits below is the order of its commands in
 * recorded histories: change it only with new histories (test/histories).
 */

/** One family's application, from submission to the reviewer's decision (DESIGN.md §3). */
export async function enrolmentApplication(
  input: EnrolmentApplicationInput,
): Promise<EnrolmentOutcome> {
  const c = new EnrolmentCase(input);
  // Read once, first: runs recorded before confirmation existed never take part in it.
  c.placesEnabled = patched(PLACE_CONFIRMATION);
  const verification = new CancellationScope();
  handleCaseActions(c, verification);
  const notifying = c.notifyInOrder();

  try {
    await runCase(c, verification);
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(async () => {
      c.settled = true;
      if (!FINAL_STATUSES.includes(c.status))
        await c.moveTo(
          'CANCELLED',
          c.cancellationNote?.actor ?? SYSTEM_ACTOR,
          c.cancellationNote?.reason ?? CANCELLED_REASON,
        );
      await dropOpenOffer(c);
      await deliverLastNotices(c, notifying);
    });
    throw error;
  }
  // An open waitlist offer keeps the run until it is answered or lapses.
  await condition(() => allHandlersFinished() && !holdsOpenOffer(c) && !c.busy);
  await deliverLastNotices(c, notifying);
  return { applicationNo: input.applicationNo, status: c.status };
}

/** The case from submission to a final status; an operator's cancellation can end it anywhere. */
async function runCase(c: EnrolmentCase, verification: CancellationScope): Promise<void> {
  if (patched(FIRST_STEPS_TOGETHER)) await takeFirstSteps(c);
  else {
    // Same entry the API wrote on submission (same seq and time), so this write is a no-op there.
    await c.moveTo('SUBMITTED', c.input.submittedBy, null, new Date(c.input.submittedAt));
    if (c.active) await c.moveTo('VERIFYING', SYSTEM_ACTOR, null);
  }
  if (c.active) {
    const results = await runChecks(c, verification);
    if (results && c.active) {
      const recordedWithAssessment = patched(CHECKS_RECORDED_WITH_ASSESSMENT);
      if (!recordedWithAssessment) await recordChecks(c, results);
      await assessChecks(c, results, recordedWithAssessment);
      if (c.active) await moveAfterChecks(c, results);
    }
  }

  await followCase(c);
  // A placed family confirms or declines by the deadline (enrolment/place.ts), while the result
  // may also be appealed: the case stays open for the county's period; an accepted appeal sends
  // a rejection back to review, or keeps a placement while the next 补录 round looks for a
  // better one (enrolment/appeals.ts).
  let confirming = awaitConfirmation(c);
  const alsoConfirming = () => {
    confirming = Promise.all([confirming, awaitConfirmation(c)]).then(() => undefined);
  };
  while (isAppealable(c.status) && patched(APPEALS) && (await awaitAppeal(c))) {
    // The place kept is still the family's to confirm by its deadline while the round is awaited.
    if (seeksBetterPlace(c)) alsoConfirming();
    await followCase(c);
    alsoConfirming();
  }
  await confirming;
}

/** The case's waits until a final status: deadlines, the reviewer, the admission round. */
async function followCase(c: EnrolmentCase): Promise<void> {
  // Each wait ends early when anything happens to the case; then the case waits for the person
  // acting on it to finish before it looks again.
  while (!FINAL_STATUSES.includes(c.status) || awaitsLaterRound(c) || seeksBetterPlace(c)) {
    const seen = c.timeline.length;
    const changed = () => c.timeline.length !== seen || c.busy;
    const request = c.supplementRequest;
    if (c.status === 'NEEDS_SUPPLEMENT' && request) {
      if (!(await condition(changed, untilSupplementDeadline(request)))) await expire(c, request);
    } else if (c.status === 'AWAITING_REVIEW' && !c.reviewOverdue) {
      if (!(await condition(changed, untilReviewOverdue(c)))) await flagReviewOverdue(c);
    } else if (c.status === 'NOT_ADMITTED' && patched(UNPLACED_APPEALS)) {
      // Unplaced: the next round and an appeal of the result, whichever comes first.
      await awaitRoundOrAppeal(c);
    } else if (seeksBetterPlace(c)) {
      await awaitBetterPlace(c);
    } else if (c.status === 'APPROVED' || c.status === 'NOT_ADMITTED') {
      // A waitlist offer accepted meanwhile places the case without a round (enrolment/place.ts).
      const waiting = c.status;
      await condition(() => c.admission !== null || c.status !== waiting);
      if (c.admission) await applyAdmission(c, c.admission);
    } else {
      await condition(changed);
    }
    await condition(() => !c.busy);
  }
}
