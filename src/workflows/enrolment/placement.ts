import { CancellationScope, patched } from '@temporalio/workflow';
import { placeTexts, untakenRoundPlace, type OfferRecord } from '../../domain/place-confirmation';
import type { AdmissionDelivery } from '../../contract';
import { lockHousing, releasePlace } from './case-activities';
import type { EnrolmentCase } from './case-state';

/*
 * A placement as the case records it, whether a round gave it or the family took a waitlist
 * offer (enrolment/place.ts): the home it rests on locked, the admission result the family and
 * reviewers read, and a round's place given back when the case already took another.
 */

/**
 * Marks the runs in which an accepted offer places the case as a round does: the home it rests
 * on is locked, and the read model's `admission` names the school taken.
 */
export const OFFER_PLACEMENT = 'offer-placement';

/** Marks the runs that give back a round's place they cannot take (see `releaseUntaken`). */
export const UNTAKEN_ROUND_PLACE = 'untaken-round-place';
/** Marks the runs that give back a round's place once they left the statuses that take it. */
export const LEFT_ROUND_PLACE = 'left-round-place';

/** The admission result an accepted offer gives: the family and reviewers read this school. */
export function offerAdmission(
  offer: OfferRecord,
  housingLock: AdmissionDelivery['housingLock'],
  notice: EnrolmentCase['offerNotice'],
): AdmissionDelivery {
  const [zh = '', en = ''] = placeTexts.offerAccepted(offer.schoolName).split('\n');
  return {
    roundId: offer.roundId,
    result: 'ADMITTED',
    schoolId: offer.schoolId,
    schoolName: offer.schoolName,
    explanation: { zh, en },
    housingLock,
    notice,
    confirmBy: null,
  };
}

/**
 * Locks the home a placement rests on (学位锁定), a round's or an accepted offer's alike; giving
 * the place up later (declined, lapsed, moved) leaves the lock as it is, whichever way it came.
 */
export function lockHousingFor(
  c: EnrolmentCase,
  lock: NonNullable<AdmissionDelivery['housingLock']>,
): Promise<void> {
  return lockHousing(
    lock.certificateNo,
    c.input.form.stage,
    lock.lockedUntil,
    c.input.applicationNo,
  );
}

/**
 * A round's result placing a case that cannot take it (domain `untakenRoundPlace`): one that took a
 * place through an offer since the round froze it, or one withdrawn, cancelled or sent back to
 * review since. The round's place goes to that school's chain at once, as a move sends it, and
 * the round counts as applied. Null when the case takes the result otherwise.
 */
export function releaseUntaken(
  c: EnrolmentCase,
  delivery: AdmissionDelivery,
): Promise<void> | null {
  const schoolId = delivery.result === 'NOT_ADMITTED' ? null : delivery.schoolId;
  if (!schoolId || !c.placesEnabled || c.roundsApplied.includes(delivery.roundId)) return null;
  const reason = untakenRoundPlace(c.place, c.status, schoolId);
  if (!reason || !patched(reason === 'MOVED' ? UNTAKEN_ROUND_PLACE : LEFT_ROUND_PLACE)) return null;
  c.roundsApplied.push(delivery.roundId);
  const release = { roundId: delivery.roundId, schoolId, applicationNo: c.input.applicationNo };
  // Sent even while an operator's cancellation closes the case: the place is not the case's.
  return CancellationScope.nonCancellable(() => releasePlace({ ...release, reason }));
}
