import type { ApplicantResult, PriorityKey } from './model';
import { comparePriority } from './priority';

/**
 * A school's waitlist after a round, and the re-offer chain that fills its released places
 * (DESIGN.md §3). Pure: the waitlist workflow drives the chain with these functions, and the
 * benchmarks replay declines through them.
 */

export interface WaitlistEntry {
  readonly applicantId: string;
  /** The applicant's key at this school, as the round ranked them. */
  readonly key: PriorityKey;
}

/**
 * Who waits for a place at `schoolId`: every applicant who chose it, was not placed there, and
 * would rather have it than what they got — the unplaced and the bureau-placed for any school they
 * chose; a family admitted by choice only for the schools it ranked above that place (a family
 * offered a school it ranked lower would only decline). In the order the school ranked them in
 * the round: tier, tie-breaks, lottery number — the published order; the id settles nothing but
 * makes the order total.
 */
export function waitlistOrder(
  results: readonly ApplicantResult[],
  schoolId: string,
): WaitlistEntry[] {
  const waiting: WaitlistEntry[] = [];
  for (const r of results) {
    const at = r.choices.findIndex((c) => c.schoolId === schoolId);
    if (at < 0) continue;
    const p = r.placement;
    if (p.result === 'ADMITTED' && (p.schoolId === schoolId || at >= p.choiceRank - 1)) continue;
    if (p.result === 'ASSIGNED_BY_BUREAU' && p.schoolId === schoolId) continue;
    waiting.push({ applicantId: r.applicantId, key: r.choices[at]!.own });
  }
  return waiting.sort(
    (a, b) =>
      comparePriority(a.key, b.key) ||
      (a.applicantId < b.applicantId ? -1 : a.applicantId > b.applicantId ? 1 : 0),
  );
}

/** The one open offer of a chain: a released place offered to the applicant at `position`. */
export interface ChainOffer {
  readonly releaseId: string;
  readonly position: number;
}

export type OfferAnswer = 'ACCEPTED' | 'DECLINED' | 'LAPSED' | 'REFUSED';

/**
 * One school's re-offer chain. A released place has no holder while it waits or is offered; an
 * acceptance gives it exactly one; the chain offers one place to one applicant at a time and never
 * goes back down the list, so nobody is offered twice and nobody is skipped but by their answer.
 */
export interface ChainState {
  /** The next waitlist position to offer. */
  readonly next: number;
  /** Released places waiting for a holder, oldest first (the first is the one on offer). */
  readonly waiting: readonly string[];
  readonly offer: ChainOffer | null;
  /** Every release taken in, so that a repeated release changes nothing. */
  readonly seen: readonly string[];
  readonly filled: readonly { readonly releaseId: string; readonly position: number }[];
  /** Places the waitlist ran out for: free for a later (补录) round. */
  readonly unfilled: readonly string[];
}

export const EMPTY_CHAIN: ChainState = {
  next: 0,
  waiting: [],
  offer: null,
  seen: [],
  filled: [],
  unfilled: [],
};

/** A place given up (declined, lapsed, or left for a place elsewhere) joins the chain. */
export function released(s: ChainState, releaseId: string): ChainState {
  if (s.seen.includes(releaseId)) return s;
  return { ...s, waiting: [...s.waiting, releaseId], seen: [...s.seen, releaseId] };
}

/** The place to offer now: the oldest waiting, unless an offer is open. */
export function placeToOffer(s: ChainState): string | null {
  return s.offer ? null : (s.waiting[0] ?? null);
}

/** The place goes to the applicant at `position`, the first still live at or after `next`. */
export function offered(s: ChainState, position: number): ChainState {
  const releaseId = placeToOffer(s);
  if (releaseId === null || position < s.next) return s;
  return { ...s, offer: { releaseId, position }, next: position + 1 };
}

/** No one is left on the waitlist: the waiting places stay free for a later round. */
export function exhausted(s: ChainState): ChainState {
  if (s.offer) return s;
  return { ...s, waiting: [], unfilled: [...s.unfilled, ...s.waiting] };
}

/** How long after an offer's deadline the chain first asks where the offer stands. */
export const OFFER_CHECK_GRACE_MS = 60_000;
/** The longest the chain waits between two such checks. */
export const OFFER_RECHECK_MAX_MS = 60 * 60_000;

/**
 * How long the chain waits before its `checks`-th look at an unanswered offer: until the deadline
 * plus a grace, then backing off (doubling the grace) to once an hour.
 */
export function untilOfferCheck(deadline: string, checks: number, now: number): number {
  if (checks === 0) return Math.max(Date.parse(deadline) + OFFER_CHECK_GRACE_MS - now, 1);
  return Math.min(OFFER_CHECK_GRACE_MS * 2 ** checks, OFFER_RECHECK_MAX_MS);
}

/** The answer to the open offer; an answer to any other offer (a repeat, a stale one) is ignored. */
export function answered(s: ChainState, offer: ChainOffer, answer: OfferAnswer): ChainState {
  if (s.offer?.releaseId !== offer.releaseId || s.offer.position !== offer.position) return s;
  if (answer !== 'ACCEPTED') return { ...s, offer: null };
  return {
    ...s,
    offer: null,
    waiting: s.waiting.filter((id) => id !== offer.releaseId),
    filled: [...s.filled, offer],
  };
}
