import { condition } from '@temporalio/workflow';
import { appealDeadline } from '../../domain/appeals';
import type { TimelineEntry } from '../../contract';
import type { EnrolmentCase } from './case-state';
import { applyAdmission } from './deadlines';
import { releaseUntaken } from './placement';

/*
 * A case a round left unplaced (NOT_ADMITTED) waits for the season's next round (补录), and its
 * result may be appealed like any other (复核, domain/appeals.ts): the two waits run together,
 * whichever comes first. The period opens with the result and is counted from it; a later round's
 * result applies whether or not the family appealed (an appeal still waiting is answered after,
 * enrolment/appeals.ts `awaitAppeal`); an accepted appeal sends the case back to review. Runs
 * recorded before this waited for the next round only, and replay the same (`UNPLACED_APPEALS`).
 */

/** Marks the runs in which an unplaced case's result may be appealed while it waits for 补录. */
export const UNPLACED_APPEALS = 'unplaced-appeals';

const until = (deadline: string) => Math.max(Date.parse(deadline) - Date.now(), 1);

/**
 * One wait of an unplaced case: for the next round's result, the family's appeal or the end of
 * its period, the reviewer's answer, or anything else that happens to the case. Returns once
 * something did; the case's loop (enrolment-application.ts `followCase`) looks again.
 */
export async function awaitRoundOrAppeal(c: EnrolmentCase): Promise<void> {
  openPeriod(c, roundResult(c));
  const seen = c.timeline.length;
  const changed = () =>
    c.admission !== null || c.status !== 'NOT_ADMITTED' || c.timeline.length !== seen || c.busy;
  // The period's timer runs only while it waits for a filing; an appeal on file waits for its answer.
  const deadline = c.appeal === null ? c.appealDeadline : null;
  if (deadline === null) await condition(changed);
  else if (!(await condition(changed, until(deadline)))) closePeriod(c);
  await condition(() => !c.busy);
  const delivery = c.admission;
  if (!delivery) return;
  if (c.status === 'NOT_ADMITTED') {
    // The new result ends this one's period; an appeal on file keeps waiting for its answer.
    if (c.appeal === null) closePeriod(c);
    await applyAdmission(c, delivery);
    return;
  }
  // The result came as the case left NOT_ADMITTED (an accepted appeal, an offer taken): a place it
  // names goes back to its school, as for any case that no longer waits for a round.
  c.admission = null;
  await releaseUntaken(c, delivery);
}

/** The round's result that left the case unplaced: the latest one, by a round. */
function roundResult(c: EnrolmentCase): TimelineEntry {
  const byRound = c.timeline.filter((e) => e.to === 'NOT_ADMITTED' && e.actor.startsWith('round:'));
  return byRound[byRound.length - 1] ?? c.timeline[c.timeline.length - 1]!;
}

/**
 * Opens the period for appealing `result`, once. An appeal of an earlier result still waiting
 * for its answer covers this one too: the period opens once it is answered.
 */
function openPeriod(c: EnrolmentCase, result: TimelineEntry): void {
  if (c.appealFor === result.seq || (c.appeal !== null && c.appeal.outcome === null)) return;
  c.appealFor = result.seq;
  c.appeal = null;
  c.appealClosed = false;
  c.appealDeadline = appealDeadline(result.at, c.input.settings.appealWindowMs);
}

/** The period is over unused: a late appeal is refused as late (409 APPEAL_WINDOW_CLOSED). */
function closePeriod(c: EnrolmentCase): void {
  c.appealDeadline = null;
  c.appealClosed = true;
}
