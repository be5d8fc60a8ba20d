import type { EnrolmentStatus } from './enrolment';

/**
 * Enrolment confirmation (报到确认) and waitlist offers (递补), DESIGN.md §3. A placed family
 * confirms or declines its place by the county's deadline; a decline or a missed deadline
 * releases the place to the school's waitlist, whose chain offers it to one family at a time,
 * each offer with its own deadline. Pure rules and texts: the case workflow, the waitlist
 * workflow and the API apply the same ones.
 */

/** A county without its own period: seven days to confirm a place. */
export const DEFAULT_CONFIRM_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** A county without its own period: three days to answer a waitlist offer. */
export const DEFAULT_OFFER_WINDOW_MS = 3 * 24 * 60 * 60 * 1000;

export type PlaceState = 'AWAITING_CONFIRMATION' | 'CONFIRMED' | 'DECLINED' | 'LAPSED';

/** The place a case holds (or held) and where its confirmation stands. */
export interface PlaceRecord {
  readonly roundId: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly state: PlaceState;
  /** The last moment to confirm or decline (AWAITING_CONFIRMATION). */
  readonly deadline: string;
  readonly answeredAt: string | null;
  /** ROUND: the round's result; OFFER: a waitlist offer the family accepted. */
  readonly via: 'ROUND' | 'OFFER';
  /**
   * An accepted appeal of the placement (复核, domain/appeals.ts): the next 补录 round looks for a
   * place at a school the family ranked higher; the family keeps this one whatever it finds.
   */
  readonly reconsider?: boolean;
}

/**
 * Why a place went back to its school: the family's decline, its silence, a move, or a case that
 * could no longer take the place a round gave it (withdrawn, cancelled or ended since the freeze).
 */
export type ReleaseReason = 'DECLINED' | 'LAPSED' | 'MOVED' | 'NOT_TAKEN';

/** A released place, as the chain of its (round, school) knows it. */
export interface PlaceRelease {
  readonly roundId: string;
  readonly schoolId: string;
  /** The application that gave the place up. */
  readonly applicationNo: string;
  readonly reason: ReleaseReason;
}

/** One release per place and family: the same id however often the release is retried. */
export function releaseId(r: Pick<PlaceRelease, 'roundId' | 'schoolId' | 'applicationNo'>) {
  return `${r.roundId}/${r.schoolId}/${r.applicationNo}`;
}

/** An offer's id: the place and the waitlist position it is offered to. */
export function offerId(release: string, position: number): string {
  return `${release}#${position}`;
}

/** A waitlist offer as the case holds it. */
export interface OfferRecord {
  readonly id: string;
  readonly roundId: string;
  readonly schoolId: string;
  readonly schoolName: string;
  readonly releaseId: string;
  readonly position: number;
  readonly deadline: string;
  /** Null while open. */
  readonly answer: 'ACCEPTED' | 'DECLINED' | 'LAPSED' | null;
  readonly answeredAt: string | null;
}

export function deadlineAfter(at: string, windowMs: number): string {
  return new Date(Date.parse(at) + windowMs).toISOString();
}

/** The family still holds the place: awaiting its confirmation, or confirmed. */
export function placeHeld(place: PlaceRecord | null): boolean {
  return place?.state === 'AWAITING_CONFIRMATION' || place?.state === 'CONFIRMED';
}

/**
 * Whether a case may be offered a place now: one not placed (waiting for 补录), or one whose
 * place is not yet confirmed (the waitlist lists it only for schools it ranked higher). A
 * confirmed place is final: the family has left every waitlist. One open offer at a time.
 */
export function mayBeOffered(
  status: EnrolmentStatus,
  place: PlaceRecord | null,
  offer: OfferRecord | null,
): boolean {
  if (offer && offer.answer === null) return false;
  if (status === 'NOT_ADMITTED') return true;
  return (
    (status === 'ADMITTED' || status === 'ASSIGNED_BY_BUREAU') &&
    place?.state === 'AWAITING_CONFIRMATION'
  );
}

/** The statuses in which a case takes the result of a round that froze it. */
const TAKES_ROUND_RESULT: readonly EnrolmentStatus[] = ['APPROVED', 'NOT_ADMITTED'];

/**
 * Why a case gives back the place a round's result names, or null when it takes it (or the result
 * places it nowhere). Leaving such a place unclaimed would lose it for good, since every later
 * round counts it as placed:
 * - MOVED: the case already holds the place it took through a waitlist offer (a 补录 round froze
 *   it, unplaced then, just before it accepted), so the family keeps that confirmed place;
 * - NOT_TAKEN: the case left the statuses that wait for a round since the freeze (withdrawn,
 *   cancelled, sent back to review). A case whose run has ended gives it back the same way, by
 *   the round's delivery (activities/deliver-results.ts).
 */
export function untakenRoundPlace(
  place: PlaceRecord | null,
  status: EnrolmentStatus,
  placedAt: string | null,
): Extract<ReleaseReason, 'MOVED' | 'NOT_TAKEN'> | null {
  if (placedAt === null) return null;
  if (place?.via === 'OFFER' && place.state === 'CONFIRMED') return 'MOVED';
  return TAKES_ROUND_RESULT.includes(status) ? null : 'NOT_TAKEN';
}

const cn = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The timeline's words (so the family's and the platform's) for each step; Chinese first. */
export const placeTexts = {
  awaiting: (school: string, deadline: string) =>
    `请于 ${cn(deadline)}(北京时间)前确认是否到${school}报到,逾期视为放弃。\n` +
    `Please confirm or decline your place at ${school} by ${cn(deadline)} (Beijing time); without an answer the place lapses.`,
  confirmed: (school: string) =>
    `家长已确认到${school}报到。\nThe family confirmed the place at ${school}.`,
  declined: (school: string) =>
    `家长已放弃${school}的学位,学位将递补给候补家庭。\nThe family declined the place at ${school}; it goes to the waitlist.`,
  lapsed: (school: string, deadline: string) =>
    `未在 ${cn(deadline)} 前确认${school}的学位,学位已失效并递补给候补家庭。\n` +
    `The place at ${school} was not confirmed by ${cn(deadline)}; it lapsed and goes to the waitlist.`,
  offered: (school: string, deadline: string) =>
    `候补递补:${school}有学位空出,请于 ${cn(deadline)}(北京时间)前答复是否接受。\n` +
    `Waitlist offer: a place at ${school} is free; please accept or decline it by ${cn(deadline)} (Beijing time).`,
  offerAccepted: (school: string) =>
    `家长已接受${school}的递补学位,并确认报到。\nThe family accepted the waitlist place at ${school} and confirmed it.`,
  offerDeclined: (school: string) =>
    `家长已放弃${school}的递补学位。\nThe family declined the waitlist place at ${school}.`,
  offerLapsed: (school: string) =>
    `未在期限内答复${school}的递补学位,视为放弃。\nThe waitlist offer of a place at ${school} was not answered in time.`,
  reconsidering: (school: string) =>
    `复核后,下一轮补录将在排序更靠前的志愿学校中为孩子安排学位;若无,保留${school}的学位。\n` +
    `After the appeal, the next supplementary round (补录) looks for a place at a school ranked higher; otherwise the place at ${school} is kept.`,
  movedAfterAppeal: (from: string, to: string) =>
    `复核后补录:孩子改录至${to},原${from}的学位已退回,递补给候补家庭。\n` +
    `After the appeal, the supplementary round placed the child at ${to}; the place at ${from} goes to its waitlist.`,
  keptAfterAppeal: (school: string) =>
    `复核后补录未能在排序更靠前的志愿学校安排学位,保留${school}的学位。\n` +
    `After the appeal, the supplementary round found no place at a school ranked higher; the place at ${school} is kept.`,
} as const;

/** What the family reads about its place and any offer, in both languages. */
export function placeForFamily(place: PlaceRecord | null, offer: OfferRecord | null) {
  const open = offer && offer.answer === null ? offer : null;
  return {
    place: place && { ...place, text: placeText(place) },
    offer: open && {
      id: open.id,
      roundId: open.roundId,
      schoolId: open.schoolId,
      schoolName: open.schoolName,
      releaseId: open.releaseId,
      position: open.position,
      deadline: open.deadline,
      text: bilingual(placeTexts.offered(open.schoolName, open.deadline)),
    },
  };
}

function placeText(place: PlaceRecord): { zh: string; en: string } {
  const state = bilingual(
    place.state === 'AWAITING_CONFIRMATION'
      ? placeTexts.awaiting(place.schoolName, place.deadline)
      : place.state === 'CONFIRMED'
        ? placeTexts.confirmed(place.schoolName)
        : place.state === 'DECLINED'
          ? placeTexts.declined(place.schoolName)
          : placeTexts.lapsed(place.schoolName, place.deadline),
  );
  // A place under reconsideration is still the family's to confirm: confirming keeps the search.
  if (!place.reconsider || !placeHeld(place)) return state;
  const more = bilingual(placeTexts.reconsidering(place.schoolName));
  return { zh: `${state.zh}${more.zh}`, en: `${state.en} ${more.en}` };
}

function bilingual(text: string): { zh: string; en: string } {
  const [zh = '', en = ''] = text.split('\n');
  return { zh, en };
}
