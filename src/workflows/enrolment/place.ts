import { condition, getExternalWorkflowHandle, patched, setHandler } from '@temporalio/workflow';
import {
  mayBeOffered,
  placeTexts,
  type OfferRecord,
  type PlaceRecord,
} from '../../domain/place-confirmation';
import type { OfferAnswer } from '../../domain/allocation/waitlist';
import {
  answerOfferUpdate,
  answerPlaceUpdate,
  offerOutcomeSignal,
  offerPlaceUpdate,
  waitlistWorkflowId,
  type AdmissionDelivery,
  type OfferAnswered,
  type OfferState,
  type PlaceAnswered,
  type PlaceOffer,
} from '../../contract';
import { recordCaseDetails, releasePlace } from './case-activities';
import { SYSTEM_ACTOR, type EnrolmentCase } from './case-state';
import { lockHousingFor, OFFER_PLACEMENT, offerAdmission } from './placement';
import { handleAction } from './action-handler';
import { refuse } from './refusals';

/*
 * Enrolment confirmation (报到) and waitlist offers (domain/place-confirmation.ts). A placed case
 * waits for the family's answer until the round's deadline (a durable timer); a decline or the
 * deadline passing releases the place to its school's chain (school-waitlist.ts). The chain
 * offers a released place with an update of the case, which holds the offer with its own
 * deadline and tells the chain the answer by a signal. Runs recorded before this (the patch
 * `PLACE_CONFIRMATION`, read once at the start) take no confirmation and refuse every offer.
 */

export const PLACE_CONFIRMATION = 'place-confirmation';

const until = (deadline: string) => Math.max(Date.parse(deadline) - Date.now(), 1);

/** A placed case's place awaiting confirmation, from the round's delivery. */
export function placeFromDelivery(
  c: EnrolmentCase,
  delivery: AdmissionDelivery,
): PlaceRecord | null {
  if (!c.placesEnabled || delivery.result === 'NOT_ADMITTED' || !delivery.schoolId) return null;
  if (!delivery.confirmBy) return null;
  return {
    roundId: delivery.roundId,
    schoolId: delivery.schoolId,
    schoolName: delivery.schoolName ?? delivery.schoolId,
    state: 'AWAITING_CONFIRMATION',
    deadline: delivery.confirmBy,
    answeredAt: null,
    via: 'ROUND',
  };
}

/** Waits for the family to confirm or decline its place; past the deadline the place lapses. */
export async function awaitConfirmation(c: EnrolmentCase): Promise<void> {
  const place = c.place;
  if (!place || place.state !== 'AWAITING_CONFIRMATION') return;
  const answered = () => c.place !== place;
  if (await condition(answered, until(place.deadline))) return;
  await condition(() => !c.busy);
  if (answered()) return;
  await c.act(() => givePlaceUp(c, place, 'LAPSED', SYSTEM_ACTOR));
}

/** The place goes back to its school's chain: declined by the family, or lapsed. */
async function givePlaceUp(
  c: EnrolmentCase,
  place: PlaceRecord,
  reason: 'DECLINED' | 'LAPSED',
  actor: string,
): Promise<void> {
  const now = new Date().toISOString();
  c.place = { ...place, state: reason, answeredAt: now };
  const text =
    reason === 'DECLINED'
      ? placeTexts.declined(place.schoolName)
      : placeTexts.lapsed(place.schoolName, place.deadline);
  await Promise.all([
    c.moveTo(reason, actor, text),
    recordCaseDetails(c.input.applicationNo, { place: c.place }),
  ]);
  await releasePlace({ ...place, applicationNo: c.input.applicationNo, reason });
}

function openOffer(c: EnrolmentCase): OfferRecord | null {
  return c.offer && c.offer.answer === null ? c.offer : null;
}

/** An open offer holds the run open until it is answered or lapses. */
export function holdsOpenOffer(c: EnrolmentCase): boolean {
  return openOffer(c) !== null;
}

export function handlePlaceActions(c: EnrolmentCase): void {
  handleAction(
    c,
    answerPlaceUpdate,
    (answered: PlaceAnswered) => checkPlaceAnswer(c, answered),
    async (answered: PlaceAnswered) => {
      const place = c.place!;
      if (answered.answer === 'DECLINE') return givePlaceUp(c, place, 'DECLINED', answered.actor);
      c.place = { ...place, state: 'CONFIRMED', answeredAt: new Date().toISOString() };
      await Promise.all([
        c.moveTo(c.status, answered.actor, placeTexts.confirmed(place.schoolName)),
        recordCaseDetails(c.input.applicationNo, { place: c.place }),
      ]);
    },
  );
  handleOffers(c);
}

/** Refuses an answer about the place unless it awaits confirmation before its deadline. */
function checkPlaceAnswer(c: EnrolmentCase, answered: PlaceAnswered): void {
  const action = answered.answer === 'DECLINE' ? 'DECLINE_PLACE' : 'CONFIRM_PLACE';
  if (c.place?.state !== 'AWAITING_CONFIRMATION') refuse(c, action);
  if (Date.now() > Date.parse(c.place.deadline))
    refuse(c, action, 'The deadline to confirm the place has passed.');
}

function handleOffers(c: EnrolmentCase): void {
  setHandler(
    offerPlaceUpdate,
    async (offer: PlaceOffer): Promise<OfferState> => {
      // The chain's retry of an offer already made: where it stands, nothing new.
      if (c.offer?.id === offer.id) return c.offer.answer ?? 'OPEN';
      // A case busy recording its last step takes the offer once done, rather than the chain
      // passing this family over for being a moment too early.
      await c.actWhenFree(
        () => checkOffer(c, offer),
        () => makeOffer(c, offer),
      );
      return 'OPEN';
    },
    {
      validator: (offer: PlaceOffer) => {
        if (c.offer?.id !== offer.id) checkOffer(c, offer);
      },
    },
  );

  handleAction(
    c,
    answerOfferUpdate,
    (answered: OfferAnswered) => checkOfferAnswer(c, answered),
    (answered: OfferAnswered) =>
      answerOffer(c, answered.answer === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED', answered.actor),
  );
}

/** Refuses an offer the case cannot take: it is placed, holds another, or the deadline passed. */
function checkOffer(c: EnrolmentCase, offer: PlaceOffer): void {
  if (!c.placesEnabled || !mayBeOffered(c.status, c.place, c.offer)) refuse(c, 'OFFER_PLACE');
  if (!(Date.parse(offer.deadline) > Date.now()))
    refuse(c, 'OFFER_PLACE', 'The offer’s deadline has passed.');
}

async function makeOffer(c: EnrolmentCase, offer: PlaceOffer): Promise<void> {
  const { notice, housingLock, ...record } = offer;
  c.offer = { ...record, answer: null, answeredAt: null };
  c.offerNotice = notice ?? null;
  c.offerLock = housingLock ?? null;
  void watchOffer(c, c.offer);
  await Promise.all([
    c.moveTo(c.status, SYSTEM_ACTOR, placeTexts.offered(offer.schoolName, offer.deadline)),
    recordCaseDetails(c.input.applicationNo, { offer: c.offer }),
  ]);
}

/** Refuses an answer to an offer unless one is open and its deadline has not passed. */
function checkOfferAnswer(c: EnrolmentCase, answered: OfferAnswered): void {
  const action = answered.answer === 'ACCEPT' ? 'ACCEPT_OFFER' : 'DECLINE_OFFER';
  const offer = openOffer(c);
  if (!offer) refuse(c, action, 'There is no open waitlist offer on this case.');
  if (Date.now() > Date.parse(offer.deadline))
    refuse(c, action, 'The deadline to answer the offer has passed.');
}

/** The offer lapses at its deadline unless answered first. */
async function watchOffer(c: EnrolmentCase, offer: OfferRecord): Promise<void> {
  const open = () => c.offer?.id === offer.id && c.offer.answer === null;
  if (await condition(() => !open(), until(offer.deadline))) return;
  await condition(() => !c.busy);
  if (open()) await c.act(() => answerOffer(c, 'LAPSED', SYSTEM_ACTOR));
}

/**
 * The answer to the open offer. Accepting takes the place and confirms it at once (the family
 * chose it); a place the family held unconfirmed goes back to its own school's chain (MOVED).
 * The chain hears the answer last, once the case has recorded it.
 */
async function answerOffer(
  c: EnrolmentCase,
  answer: 'ACCEPTED' | 'DECLINED' | 'LAPSED',
  actor: string,
): Promise<void> {
  const offer = c.offer!;
  const now = new Date().toISOString();
  c.offer = { ...offer, answer, answeredAt: now };
  const { applicationNo } = c.input;
  if (answer !== 'ACCEPTED') {
    const text =
      answer === 'DECLINED'
        ? placeTexts.offerDeclined(offer.schoolName)
        : placeTexts.offerLapsed(offer.schoolName);
    await Promise.all([
      c.moveTo(c.status, actor, text),
      recordCaseDetails(applicationNo, { offer: c.offer }),
    ]);
  } else {
    const previous = c.place;
    c.place = {
      roundId: offer.roundId,
      schoolId: offer.schoolId,
      schoolName: offer.schoolName,
      state: 'CONFIRMED',
      deadline: offer.deadline,
      answeredAt: now,
      via: 'OFFER',
    };
    const school = { id: offer.schoolId, name: offer.schoolName };
    const notice = c.offerNotice ?? undefined;
    // Placed like the round places: the home locked first, the result recorded with the status.
    const placing = patched(OFFER_PLACEMENT);
    if (placing && c.offerLock) await lockHousingFor(c, c.offerLock);
    const admission = placing ? offerAdmission(offer, c.offerLock, c.offerNotice) : undefined;
    await Promise.all([
      c.moveTo(
        'ADMITTED',
        actor,
        placeTexts.offerAccepted(offer.schoolName),
        new Date(),
        school,
        notice,
      ),
      recordCaseDetails(applicationNo, { offer: c.offer, place: c.place, admission }),
    ]);
    if (previous?.state === 'AWAITING_CONFIRMATION')
      await releasePlace({ ...previous, applicationNo, reason: 'MOVED' });
  }
  await tellChain(c, offer, answer);
}

/** Signals the chain; a chain that is gone has nothing left to hear. */
export async function tellChain(
  c: EnrolmentCase,
  offer: OfferRecord,
  answer: OfferAnswer,
): Promise<void> {
  const chain = getExternalWorkflowHandle(waitlistWorkflowId(offer.roundId, offer.schoolId));
  try {
    await chain.signal(offerOutcomeSignal, {
      offerId: offer.id,
      offer: { releaseId: offer.releaseId, position: offer.position },
      applicationNo: c.input.applicationNo,
      answer,
    });
  } catch {
    // Nothing to do: the chain has ended (an operator's terminate); its operators see why.
  }
}

/** A case closed by an operator gives up its open offer, so the chain moves on. */
export async function dropOpenOffer(c: EnrolmentCase): Promise<void> {
  const offer = openOffer(c);
  if (!offer) return;
  c.offer = { ...offer, answer: 'DECLINED', answeredAt: new Date().toISOString() };
  await tellChain(c, offer, 'REFUSED');
}
