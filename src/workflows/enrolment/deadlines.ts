import { patched, upsertSearchAttributes } from '@temporalio/workflow';
import { supplementExpiredReason } from '../../domain/timeline-reasons';
import { ReviewOverdueKey, type AdmissionDelivery, type SupplementRequest } from '../../contract';
import { recordCaseDetails } from './case-activities';
import { SYSTEM_ACTOR, type EnrolmentCase } from './case-state';
import { placeFromDelivery } from './place';
import { lockHousingFor } from './placement';

/*
 * Durable deadlines: a supplement not in by its deadline expires the case; a review pending past
 * the county's SLA is flagged overdue. The case waits for them (enrolment-application.ts) with
 * `condition(changed, ms)`, which ends early when anything happens to the case. Like the
 * verification steps, the steps here return the promise the case awaits rather than awaiting it
 * themselves, so each command is issued exactly when it was when the histories were recorded.
 */

/** Time left to the supplement deadline; a deadline already past fires at once. */
export function untilSupplementDeadline(request: SupplementRequest): number {
  return Math.max(Date.parse(request.deadline) - Date.now(), 1);
}

export function expire(c: EnrolmentCase, request: SupplementRequest): Promise<void> {
  c.settled = true;
  return c.moveTo('EXPIRED', SYSTEM_ACTOR, supplementExpiredReason(request.deadline));
}

/** Time left until the review is overdue: the county's SLA runs from entering AWAITING_REVIEW. */
export function untilReviewOverdue(c: EnrolmentCase): number {
  return Math.max(c.reviewStartedAt + c.input.settings.reviewSlaMs - Date.now(), 1);
}

/** Reviewers' queues and the operators' search see it; the next status change clears it. */
export function flagReviewOverdue(c: EnrolmentCase): Promise<void> {
  c.reviewOverdue = true;
  upsertSearchAttributes([{ key: ReviewOverdueKey, value: true }]);
  return recordCaseDetails(c.input.applicationNo, { reviewOverdue: true });
}

/** The round's result as delivered; its status comes after the housing lock it may need. */
export function recordAdmission(c: EnrolmentCase, delivery: AdmissionDelivery): Promise<void> {
  return recordCaseDetails(c.input.applicationNo, { admission: delivery });
}

/** A placed child's housing certificate is locked for the stage (not for NOT_ADMITTED). */
export function housingToLock(delivery: AdmissionDelivery): AdmissionDelivery['housingLock'] {
  return delivery.result !== 'NOT_ADMITTED' ? delivery.housingLock : null;
}

/** Marks the histories whose admission result reads Chinese first and names the school. */
export const ADMISSION_NOTICE_ZH_FIRST = 'admission-notice-zh-first';

export function moveToAdmissionResult(
  c: EnrolmentCase,
  delivery: AdmissionDelivery,
): Promise<void> {
  const actor = `round:${delivery.roundId}`;
  if (!patched(ADMISSION_NOTICE_ZH_FIRST))
    return c.moveTo(delivery.result, actor, delivery.explanation.en);
  const { zh, en } = delivery.explanation;
  const school = delivery.schoolId
    ? { id: delivery.schoolId, name: delivery.schoolName ?? delivery.schoolId }
    : undefined;
  const notice = delivery.result === 'NOT_ADMITTED' ? undefined : (delivery.notice ?? undefined);
  return c.moveTo(delivery.result, actor, `${zh}\n${en}`, new Date(), school, notice);
}

/** Marks the histories in which an unplaced case waits for the season's 补录 rounds. */
export const SUPPLEMENTARY_ROUNDS = 'supplementary-rounds';

/**
 * A case not placed waits for the next round of its season (补录) instead of ending; histories
 * recorded before ended there, and replay the same.
 */
export function awaitsLaterRound(c: EnrolmentCase): boolean {
  return c.status === 'NOT_ADMITTED' && patched(SUPPLEMENTARY_ROUNDS);
}

/**
 * The round's result applied: recorded, the home locked if placed, then the status. The case is
 * held meanwhile: a family that sees ADMITTED and answers at once (confirms, declines, accepts an
 * offer) is answered once the place is set, not refused for being early.
 */
export async function applyAdmission(c: EnrolmentCase, delivery: AdmissionDelivery): Promise<void> {
  await c.act(() => applyHeld(c, delivery));
}

/** The round's result applied, while the case is held (a better place after an appeal too). */
export async function applyHeld(c: EnrolmentCase, delivery: AdmissionDelivery): Promise<void> {
  await recordAdmission(c, delivery);
  const lock = housingToLock(delivery);
  if (lock) await lockHousingFor(c, lock);
  await moveToAdmissionResult(c, delivery);
  c.roundsApplied.push(delivery.roundId);
  // A placed family now confirms (报到) or declines by the round's deadline (enrolment/place.ts).
  const place = placeFromDelivery(c, delivery);
  if (place) {
    c.place = place;
    await recordCaseDetails(c.input.applicationNo, { place });
  }
  // Not placed: the next round's delivery is the next to apply.
  if (delivery.result === 'NOT_ADMITTED') c.admission = null;
}
