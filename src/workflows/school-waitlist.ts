import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  answered,
  EMPTY_CHAIN,
  exhausted,
  offered,
  placeToOffer,
  released,
  untilOfferCheck,
  type ChainOffer,
  type ChainState,
} from '../domain/allocation/waitlist';
import { offerId } from '../domain/place-confirmation';
import {
  offerOutcomeSignal,
  placeReleasedSignal,
  waitlistViewQuery,
  type Activities,
  type OfferOutcome,
  type WaitlistInput,
  type WaitlistOrder,
  type WaitlistView,
} from '../contract';

const { waitlistOrder, offerPlace, offerStanding, closeReleases } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** What a chain carries into its next run. */
export interface WaitlistCarried {
  readonly chain: ChainState;
  readonly offers: WaitlistView['offers'];
  readonly inbox: readonly OfferOutcome[];
  readonly order: WaitlistOrder;
}

/** Marks the chains that look at an offer left unanswered past its deadline (`answerTo`). */
export const CHAIN_CHECKS_OFFERS = 'chain-checks-offers';

/**
 * One school's re-offer chain for one round (DESIGN.md §3), driven by the pure rules of
 * domain/allocation/waitlist.ts: released places arrive by signal; the oldest is offered to the
 * next family in the round's published order that can take an offer (an update of its case,
 * which holds the offer's deadline); the case signals the answer; an acceptance makes that
 * family the place's one holder, anything else passes it down the list. When the list runs out
 * the places are UNFILLED and the next 补录 round counts them. Everything is workflow state, so a
 * worker restart replays to the same offer; an offer retried reaches the case under the same id.
 * The chain never depends on the case to answer: past the offer's deadline it asks (`answerTo`).
 */
export async function schoolWaitlist(
  input: WaitlistInput,
  carried?: WaitlistCarried,
): Promise<void> {
  let chain = carried?.chain ?? EMPTY_CHAIN;
  const offers = [...(carried?.offers ?? [])];
  const inbox = [...(carried?.inbox ?? [])];
  let order = carried?.order;
  setHandler(placeReleasedSignal, ({ releaseId }) => {
    chain = released(chain, releaseId);
  });
  setHandler(offerOutcomeSignal, (outcome) => {
    // An answer the chain already learnt by asking the case (answerTo) has nothing to add.
    const known = offers.some(
      (o) =>
        o.answer !== null &&
        o.releaseId === outcome.offer.releaseId &&
        o.position === outcome.offer.position,
    );
    if (!known) inbox.push(outcome);
  });
  setHandler(waitlistViewQuery, () => ({
    chain,
    offers,
    listLength: order?.applicationNos.length ?? null,
  }));
  order ??= await waitlistOrder(input.roundId, input.schoolId);

  for (;;) {
    await condition(() => placeToOffer(chain) !== null);
    const releaseId = placeToOffer(chain)!;
    const taker = await offerDownTheList(input, order, chain, releaseId);
    if (!taker) {
      const left = chain.waiting;
      chain = exhausted(chain);
      await closeReleases(left, 'UNFILLED');
    } else {
      chain = offered(chain, taker.position);
      offers.push({ ...chain.offer!, applicationNo: taker.applicationNo, answer: null });
      const outcome = await answerTo(inbox, chain.offer!, taker);
      chain = answered(chain, outcome.offer, outcome.answer);
      offers[offers.length - 1] = { ...offers[offers.length - 1]!, answer: outcome.answer };
      if (outcome.answer === 'ACCEPTED')
        await closeReleases([outcome.offer.releaseId], 'TAKEN', outcome.applicationNo);
    }
    // A long season's chain starts afresh now and then, carrying its state.
    if (workflowInfo().continueAsNewSuggested && placeToOffer(chain) === null) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof schoolWaitlist>(input, { chain, offers, inbox, order });
    }
  }
}

/** The first family from the chain's next position on whose case takes the offer. */
async function offerDownTheList(
  input: WaitlistInput,
  order: WaitlistOrder,
  chain: ChainState,
  releaseId: string,
): Promise<Taker | null> {
  for (let position = chain.next; position < order.applicationNos.length; position += 1) {
    const applicationNo = order.applicationNos[position]!;
    const deadline = new Date(Date.now() + order.offerWindowMs).toISOString();
    const state = await offerPlace(applicationNo, {
      id: offerId(releaseId, position),
      roundId: input.roundId,
      schoolId: input.schoolId,
      releaseId,
      position,
      deadline,
    });
    if (state !== 'REFUSED') return { position, applicationNo, deadline };
  }
  return null;
}

/** The family an offer went to, and the offer's deadline. */
interface Taker {
  readonly position: number;
  readonly applicationNo: string;
  readonly deadline: string;
}

/**
 * The case's answer to this offer (it may have come already, before a restart). The case holds
 * the offer's deadline and signals its answer, but a case can end without answering: an
 * operator's terminate runs none of its code. So past the deadline plus a grace, and then backing
 * off to hourly, the chain asks the case where the offer stands (`offerStanding`, the case's own
 * state through a query): an answer the signal has not brought yet, LAPSED once the run has closed
 * with the offer open, nothing while it is open (the case's own timer lapses it). The chain never
 * takes silence for an answer by itself: a case that accepted at the deadline but could not yet
 * tell the chain (its writes retrying through an outage) would then hold a place the chain had
 * passed on, two holders of one place.
 */
async function answerTo(
  inbox: OfferOutcome[],
  offer: ChainOffer,
  taker: Taker,
): Promise<OfferOutcome> {
  const matches = (o: OfferOutcome) =>
    o.offer.releaseId === offer.releaseId && o.offer.position === offer.position;
  const answered = () => inbox.some(matches);
  const id = offerId(offer.releaseId, offer.position);
  const checking = patched(CHAIN_CHECKS_OFFERS);
  for (let checks = 0; ; checks += 1) {
    if (!checking) await condition(answered);
    if (answered()) break;
    if (await condition(answered, untilOfferCheck(taker.deadline, checks, Date.now()))) break;
    const answer = await offerStanding(taker.applicationNo, id);
    // The case's own signal, should it have come meanwhile, says the same and leaves no copy.
    if (answered()) break;
    if (answer) return { offerId: id, offer, applicationNo: taker.applicationNo, answer };
  }
  const at = inbox.findIndex(matches);
  const [outcome] = inbox.splice(at, 1);
  return outcome!;
}
