import {
  allHandlersFinished,
  condition,
  continueAsNew,
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

const { waitlistOrder, offerPlace, closeReleases } = proxyActivities<Activities>({
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

/**
 * One school's re-offer chain for one round (DESIGN.md §3), driven by the pure rules of
 * domain/allocation/waitlist.ts: released places arrive by signal; the oldest is offered to the
 * next family in the round's published order that can take an offer (an update of its case,
 * which holds the offer's deadline); the case signals the answer; an acceptance makes that
 * family the place's one holder, anything else passes it down the list. When the list runs out
 * the places are UNFILLED and the next 补录 round counts them. Everything is workflow state, so a
 * worker restart replays to the same offer; an offer retried reaches the case under the same id.
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
    inbox.push(outcome);
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
      const outcome = await answerTo(inbox, chain.offer!);
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
): Promise<{ position: number; applicationNo: string } | null> {
  for (let position = chain.next; position < order.applicationNos.length; position += 1) {
    const applicationNo = order.applicationNos[position]!;
    const state = await offerPlace(applicationNo, {
      id: offerId(releaseId, position),
      roundId: input.roundId,
      schoolId: input.schoolId,
      releaseId,
      position,
      deadline: new Date(Date.now() + order.offerWindowMs).toISOString(),
    });
    if (state !== 'REFUSED') return { position, applicationNo };
  }
  return null;
}

/** Waits for the case's answer to this offer (it may have come already, before a restart). */
async function answerTo(inbox: OfferOutcome[], offer: ChainOffer): Promise<OfferOutcome> {
  const matches = (o: OfferOutcome) =>
    o.offer.releaseId === offer.releaseId && o.offer.position === offer.position;
  await condition(() => inbox.some(matches));
  const at = inbox.findIndex(matches);
  const [outcome] = inbox.splice(at, 1);
  return outcome!;
}
