import { ApplicationFailure, condition, patched } from '@temporalio/workflow';
import {
  APPEAL_FILED_REASON,
  appealAnswer,
  appealDeadline,
  appealDecidedReason,
  isAppealable,
  type AppealRecord,
} from '../../domain/appeals';
import { placeHeld } from '../../domain/place-confirmation';
import {
  isAppealDecision,
  missingAppealDecisionFields,
  type AppealDecision,
} from '../../domain/review';
import {
  decideAppealUpdate,
  FAILURE_TYPES,
  fileAppealUpdate,
  type AppealDecided,
  type AppealFiled,
} from '../../contract';
import { recordCaseDetails } from './case-activities';
import type { EnrolmentCase } from './case-state';
import { handleAction } from './action-handler';
import { invalid, refuse } from './refusals';
import { seeksBetterPlace } from './reconsideration';

/*
 * Appeals (复核, domain/appeals.ts). A result the family may appeal keeps the case's run open for
 * the county's period (a durable timer) instead of closing it, so the appeal and the reviewer's
 * answer are updates like every other action, and an accepted appeal continues the same run: in
 * review (a refusal), or waiting for the next 补录 round with the place kept (a placement,
 * enrolment/reconsideration.ts). An unplaced case's period runs while it waits for a later round
 * (enrolment/unplaced-appeals.ts). Runs recorded before appeals close at the result (`APPEALS`
 * patch); runs recorded before `APPEAL_ANSWER_EFFECTS` kept a placement's status whatever the answer.
 */

/** Marks the runs that stay open for an appeal after a rejection or a placement. */
export const APPEALS = 'appeals';

/** Marks the runs in which an accepted appeal of a placement, or of no place, changes the case. */
export const APPEAL_ANSWER_EFFECTS = 'appeal-answer-effects';

/**
 * Waits out the appeal period of the result just given, and the reviewer's answer if the family
 * appealed; true when the case goes on after the answer (back in review, or keeping its place
 * while the next 补录 round looks for a better one).
 */
export async function awaitAppeal(c: EnrolmentCase): Promise<boolean> {
  // An appeal of no place still waiting when a later round placed the child: answered first.
  if (c.appeal !== null && c.appeal.outcome === null)
    await condition(() => c.appeal?.outcome !== null && !c.busy);
  const decidedAt = c.timeline[c.timeline.length - 1]!.at;
  const deadline = appealDeadline(decidedAt, c.input.settings.appealWindowMs);
  c.appeal = null;
  c.appealClosed = false;
  c.appealDeadline = deadline;
  // Applying again ends the period early (refused once an appeal is filed: applying-again.ts).
  await condition(
    () => c.appeal !== null || c.appliedAgain,
    Math.max(Date.parse(deadline) - Date.now(), 1),
  );
  const filed = c.appeal !== null;
  if (filed) await condition(() => c.appeal?.outcome !== null && !c.busy);
  c.appealDeadline = null;
  c.appealClosed = !filed;
  return c.status === 'AWAITING_REVIEW' || seeksBetterPlace(c);
}

export function handleAppeals(c: EnrolmentCase): void {
  handleFiling(c);
  handleAnswer(c);
}

/** The family files its appeal while the period is open. */
function handleFiling(c: EnrolmentCase): void {
  const { applicationNo } = c.input;
  handleAction(
    c,
    fileAppealUpdate,
    (filed: AppealFiled) => checkFiling(c, filed),
    async (filed: AppealFiled) => {
      const appealed = c.status as AppealRecord['appealed'];
      const record: AppealRecord = {
        appealed,
        reason: filed.reason,
        filedBy: filed.actor,
        filedAt: new Date().toISOString(),
        deadline: c.appealDeadline!,
        outcome: null,
      };
      c.appeal = record;
      await Promise.all([
        c.moveTo(appealed, filed.actor, APPEAL_FILED_REASON),
        recordCaseDetails(applicationNo, { appeal: record }),
      ]);
    },
  );
}

function checkFiling(c: EnrolmentCase, filed: AppealFiled): void {
  if (!isAppealable(c.status) || c.appeal !== null) refuse(c, 'APPEAL');
  const { appealDeadline } = c;
  // Not yet open: the result is still being recorded (the family may try again at once).
  if (appealDeadline === null && !c.appealClosed) refuse(c, 'APPEAL');
  if (appealDeadline === null || Date.now() > Date.parse(appealDeadline))
    throw ApplicationFailure.create({
      type: FAILURE_TYPES.appealWindowClosed,
      message: 'The period for appealing this result has passed.',
      details: [{ currentStatus: c.status, action: 'APPEAL' }],
    });
  if (!filed.reason?.trim()) invalid('reason', 'Say why the result should be reviewed.');
}

/** The county's answer, and where it leads (domain/appeals.ts `appealAnswer`). */
function handleAnswer(c: EnrolmentCase): void {
  const { applicationNo } = c.input;
  handleAction(
    c,
    decideAppealUpdate,
    (decided: AppealDecided) => checkAnswer(c, decided),
    async (decided: AppealDecided) => {
      const appeal = c.appeal!;
      const { status: to, effect } = answerOf(c, decided.decision, appeal.appealed);
      const outcome = {
        decision: decided.decision,
        reason: decided.reason,
        reviewerId: decided.reviewerId,
        decidedAt: new Date().toISOString(),
        effect,
      };
      c.appeal = { ...appeal, outcome };
      c.appealDeadline = null;
      // Back under review: decisions, supplements and withdrawal are accepted again.
      if (to === 'AWAITING_REVIEW') c.settled = false;
      // The place is kept and the next 补录 round takes the case (enrolment/reconsideration.ts).
      const place = effect === 'BETTER_PLACE_SOUGHT' ? { ...c.place!, reconsider: true } : null;
      if (place) c.place = place;
      const reason = appealDecidedReason(decided.decision, decided.reason, effect, appeal.appealed);
      await Promise.all([
        c.moveTo(to, decided.reviewerId, reason),
        recordCaseDetails(applicationNo, { appeal: c.appeal, ...(place && { place }) }),
      ]);
    },
  );
}

/**
 * The rule for this run. A rejection's answer is the same under both; runs recorded before
 * `APPEAL_ANSWER_EFFECTS` kept a placement's or no place's status whatever the answer.
 */
function answerOf(c: EnrolmentCase, decision: AppealDecision, appealed: AppealRecord['appealed']) {
  if (appealed === 'REJECTED' || patched(APPEAL_ANSWER_EFFECTS))
    return appealAnswer(decision, appealed, c.status, placeHeld(c.place));
  return { status: appealed, effect: 'RESULT_STANDS' as const };
}

function checkAnswer(c: EnrolmentCase, decided: AppealDecided): void {
  if (c.appeal === null || c.appeal.outcome !== null)
    refuse(c, 'DECIDE_APPEAL', 'There is no appeal waiting for an answer on this case.');
  if (!isAppealDecision(decided.decision)) invalid('decision', 'Not an answer to an appeal.');
  const { fields, message } = missingAppealDecisionFields(decided);
  if (fields[0]) invalid(fields[0], message);
}
