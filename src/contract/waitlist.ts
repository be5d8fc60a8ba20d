import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ChainOffer, ChainState, OfferAnswer } from '../domain/allocation/waitlist';
import type { AdmissionNotice } from '../domain/admission-notice';
import type { OfferRecord, PlaceRelease } from '../domain/place-confirmation';
import type { AdmissionDelivery } from './admission';
import type { TransitionResult } from './case-actions';

/**
 * Enrolment confirmation (报到) and the waitlists' re-offer chains (DESIGN.md §3): the family's
 * answers to its place and to an offer (updates of its case), the offer the chain makes (an
 * update of the case, so the chain learns at once whether it was taken), and the chain's own
 * workflow, one per round and school.
 */

/** The family confirms or declines the place it was given. */
export interface PlaceAnswered {
  readonly answer: 'CONFIRM' | 'DECLINE';
  readonly actor: string;
}
export const answerPlaceUpdate = defineUpdate<TransitionResult, [PlaceAnswered]>('answerPlace');

/**
 * A released place offered to a waitlisted case, with the school's notice and the housing lock
 * the place would rest on (as the round would lock it) should it accept; both absent in offers
 * made before they were part of them.
 */
export type PlaceOffer = Omit<OfferRecord, 'answer' | 'answeredAt'> & {
  readonly notice?: AdmissionNotice | null;
  readonly housingLock?: AdmissionDelivery['housingLock'];
};
/** Where the offer stands in the case: open, or already answered (a repeated offer). */
export type OfferState = 'OPEN' | 'ACCEPTED' | 'DECLINED' | 'LAPSED';
export const offerPlaceUpdate = defineUpdate<OfferState, [PlaceOffer]>('offerPlace');

/** The family accepts or declines the open offer. */
export interface OfferAnswered {
  readonly answer: 'ACCEPT' | 'DECLINE';
  readonly actor: string;
}
export const answerOfferUpdate = defineUpdate<TransitionResult, [OfferAnswered]>('answerOffer');

export const WAITLIST_WORKFLOW_TYPE = 'schoolWaitlist';

/** One chain per round and school: the id every release is signalled to. */
export function waitlistWorkflowId(roundId: string, schoolId: string): string {
  return `waitlist/${roundId}/${schoolId}`;
}

export interface WaitlistInput {
  readonly roundId: string;
  readonly schoolId: string;
}

/** A place given up joins the chain (signal-with-start). */
export const placeReleasedSignal = defineSignal<[{ readonly releaseId: string }]>('placeReleased');

/** The case tells the chain how its offer was answered. */
export interface OfferOutcome {
  readonly offerId: string;
  readonly offer: ChainOffer;
  readonly applicationNo: string;
  readonly answer: OfferAnswer;
}
export const offerOutcomeSignal = defineSignal<[OfferOutcome]>('offerOutcome');

/** The chain as it stands, with every offer it made (for operators and tests). */
export interface WaitlistView {
  readonly chain: ChainState;
  readonly offers: readonly (ChainOffer & {
    readonly applicationNo: string;
    readonly answer: OfferAnswer | null;
  })[];
  readonly listLength: number | null;
}
export const waitlistViewQuery = defineQuery<WaitlistView>('waitlistView');

/** What a chain starts from: the round's published order for the school, and the county's period. */
export interface WaitlistOrder {
  readonly applicationNos: readonly string[];
  readonly offerWindowMs: number;
}

export interface WaitlistActivities {
  /** Records the release (idempotent) and signals it to its chain, starting the chain if need be. */
  releasePlace(release: PlaceRelease): Promise<void>;
  waitlistOrder(roundId: string, schoolId: string): Promise<WaitlistOrder>;
  /** Offers the place to the case at that position; REFUSED if it cannot take an offer now. */
  offerPlace(
    applicationNo: string,
    offer: Omit<PlaceOffer, 'schoolName' | 'notice' | 'housingLock'>,
  ): Promise<OfferState | 'REFUSED'>;
  /**
   * Where an offer stands in its case, for a chain that heard no answer past the deadline: the
   * case's answer, LAPSED if its run has closed with the offer open (an operator's terminate),
   * null while the run is open and the offer unanswered.
   */
  offerStanding(applicationNo: string, offerId: string): Promise<OfferAnswer | null>;
  /** Closes released places: TAKEN by a family, or UNFILLED for the next 补录 round. */
  closeReleases(
    releaseIds: readonly string[],
    state: 'TAKEN' | 'UNFILLED',
    takenBy?: string,
  ): Promise<void>;
}
