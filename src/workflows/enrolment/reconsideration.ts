import { condition } from '@temporalio/workflow';
import { placeHeld, placeTexts } from '../../domain/place-confirmation';
import type { AdmissionDelivery } from '../../contract';
import { recordCaseDetails, releasePlace } from './case-activities';
import type { EnrolmentCase } from './case-state';
import { applyHeld } from './deadlines';
import { releaseUntaken } from './placement';

/*
 * A placement whose appeal the county accepted (复核, domain/appeals.ts `appealAnswer`): the family
 * keeps its place (`place.reconsider`), and the next 补录 round takes the case for the schools it
 * ranked above that place (db/round-repository.ts, activities/round-inputs.ts), never placing it
 * by the bureau. A place there moves the child and gives the old place to its school's waitlist;
 * no place there leaves the child where it is. Either way the search ends with that round; until
 * it comes the run stays open, as an unplaced case's does for its next round (an operator's close
 * leaves the placement as it is: ADMITTED is final). The family still confirms (报到) or declines
 * the place it holds meanwhile, as any placed family.
 */

/** The case keeps its place while the next 补录 round looks for a better one. */
export function seeksBetterPlace(c: EnrolmentCase): boolean {
  const placed = c.status === 'ADMITTED' || c.status === 'ASSIGNED_BY_BUREAU';
  return placed && c.place?.reconsider === true && placeHeld(c.place);
}

/**
 * One wait of a case seeking a better place: for the round's result, or anything that changes
 * its place (confirmed, declined, lapsed, an offer taken). Returns once something did; the
 * case's loop (enrolment-application.ts `followCase`) looks again.
 */
export async function awaitBetterPlace(c: EnrolmentCase): Promise<void> {
  const place = c.place;
  const status = c.status;
  await condition(
    () => c.betterPlace !== null || c.place !== place || c.status !== status || c.busy,
  );
  await condition(() => !c.busy);
  const delivery = c.betterPlace;
  if (!delivery) return;
  c.betterPlace = null;
  // The family gave its place up or took an offer meanwhile: it takes no round's result now.
  if (!seeksBetterPlace(c)) await releaseUntaken(c, delivery);
  else await c.act(() => takeRoundResult(c, delivery));
}

/**
 * The round's result: a place at one of the better choices moves the child there; anything else
 * leaves the place as it is (and a place the result names anyway goes back to its school).
 */
async function takeRoundResult(c: EnrolmentCase, delivery: AdmissionDelivery): Promise<void> {
  const held = c.place!;
  const { applicationNo } = c.input;
  const better =
    delivery.result === 'ADMITTED' &&
    delivery.schoolId !== null &&
    delivery.schoolId !== held.schoolId &&
    !!delivery.confirmBy;
  if (better) {
    // Placed as a round places (result, home locked, status, a place awaiting confirmation)...
    await applyHeld(c, delivery);
    const to = c.place!.schoolName;
    await c.moveTo(
      c.status,
      `round:${delivery.roundId}`,
      placeTexts.movedAfterAppeal(held.schoolName, to),
    );
    // ...and the place left behind goes to its school's chain, like a family's move to an offer.
    await releasePlace({ ...held, applicationNo, reason: 'MOVED' });
    return;
  }
  c.roundsApplied.push(delivery.roundId);
  c.place = { ...held, reconsider: false };
  await Promise.all([
    c.moveTo(c.status, `round:${delivery.roundId}`, placeTexts.keptAfterAppeal(held.schoolName)),
    recordCaseDetails(applicationNo, { place: c.place }),
  ]);
  if (delivery.schoolId !== null) {
    const release = { roundId: delivery.roundId, schoolId: delivery.schoolId, applicationNo };
    await releasePlace({ ...release, reason: 'NOT_TAKEN' });
  }
}
