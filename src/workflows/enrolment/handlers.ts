import { patched, setHandler, type CancellationScope } from '@temporalio/workflow';
import { DECIDABLE_STATUSES, WITHDRAWABLE_STATUSES } from '../../domain/enrolment';
import {
  decisionReason,
  isDecision,
  missingDecisionFields,
  statusAfter,
} from '../../domain/review';
import {
  offlineCheckReason,
  supplementProvidedReason,
  supplementRequestedReason,
} from '../../domain/timeline-reasons';
import {
  admissionResultSignal,
  cancellationNoteSignal,
  caseClaimedSignal,
  caseViewQuery,
  confirmFactsUpdate,
  confirmOfflineCheckUpdate,
  decideUpdate,
  provideSupplementUpdate,
  requestSupplementUpdate,
  withdrawUpdate,
  type AdmissionDelivery,
  type CancellationNote,
  type FactsConfirmed,
  type OfflineCheckConfirmation,
  type ReviewDecision,
  type SupplementProvided,
  type SupplementRequest,
  type Withdrawal,
} from '../../contract';
import { handleAction } from './action-handler';
import { handleAppeals } from './appeals';
import { handleApplyingAgain } from './applying-again';
import { handlePlaceActions } from './place';
import { releaseUntaken } from './placement';
import { invalid, refuse, requireState } from './refusals';
import { recordCaseDetails } from './case-activities';
import type { EnrolmentCase } from './case-state';
import { reassess, REASSESS_ON_CONFIRMATION } from './reassessment';
import { seeksBetterPlace } from './reconsideration';

/**
 * What people and rounds do to a case: the updates (validated before they are accepted, so a
 * refused one leaves no trace in the history), the signals and the query. Registered in this
 * order before the case's first step.
 */
export function handleCaseActions(c: EnrolmentCase, verification: CancellationScope): void {
  handleSignalsAndQuery(c);
  handleDecisions(c, verification);
  handleSupplements(c);
  handleOfflineCheck(c);
  handleFactConfirmations(c);
  handleAppeals(c);
  handleApplyingAgain(c);
  handlePlaceActions(c);
}

function handleSignalsAndQuery(c: EnrolmentCase): void {
  // A round may deliver again after a crash; the first delivery counts, repeats change nothing.
  // An unplaced case takes the next round's result (补录); one placed takes no other, and gives
  // back a place it cannot take because it took an offer meanwhile (enrolment/place.ts), unless
  // it keeps its place after an accepted appeal while that round looks for a better one.
  setHandler(admissionResultSignal, (delivery: AdmissionDelivery) => {
    const fresh = !c.roundsApplied.includes(delivery.roundId);
    const waiting = c.status === 'APPROVED' || c.status === 'NOT_ADMITTED';
    if (waiting && c.admission === null && fresh) c.admission = delivery;
    else if (seeksBetterPlace(c) && c.betterPlace === null && fresh) c.betterPlace = delivery;
    else return releaseUntaken(c, delivery) ?? undefined;
  });

  setHandler(cancellationNoteSignal, (note: CancellationNote) => {
    c.cancellationNote = note;
  });

  setHandler(caseClaimedSignal, ({ ownerSub }) => {
    c.ownerSub = ownerSub;
  });

  setHandler(caseViewQuery, () => c.view());
}

function handleDecisions(c: EnrolmentCase, verification: CancellationScope): void {
  handleAction(
    c,
    decideUpdate,
    // The same rule as the API's schema (domain/review.ts), for callers that skip the API.
    (decision: ReviewDecision) => {
      requireState(c, DECIDABLE_STATUSES, decision.decision);
      if (!isDecision(decision.decision)) invalid('decision', 'Not a decision a reviewer takes.');
      const { fields, message } = missingDecisionFields(decision);
      if (fields[0]) invalid(fields[0], message);
    },
    async (decision: ReviewDecision) => {
      c.settled = true;
      await c.moveTo(statusAfter(decision.decision), decision.reviewerId, decisionReason(decision));
    },
  );

  handleAction(
    c,
    withdrawUpdate,
    (_withdrawal: Withdrawal) => requireState(c, WITHDRAWABLE_STATUSES, 'WITHDRAW'),
    async (withdrawal: Withdrawal) => {
      c.settled = true;
      verification.cancel();
      await c.moveTo('WITHDRAWN', withdrawal.actor, withdrawal.reason ?? null);
    },
  );
}

function handleSupplements(c: EnrolmentCase): void {
  const { applicationNo } = c.input;
  handleAction(
    c,
    requestSupplementUpdate,
    (request: SupplementRequest) => {
      requireState(c, DECIDABLE_STATUSES, 'REQUEST_SUPPLEMENT');
      if (request.items.length === 0) invalid('items', 'Name at least one item.');
      if (!(Date.parse(request.deadline) > Date.now()))
        invalid('deadline', 'The deadline must be in the future.');
    },
    async (request: SupplementRequest) => {
      c.supplementRequest = request;
      const pending = c.moveTo(
        'NEEDS_SUPPLEMENT',
        request.reviewerId,
        supplementRequestedReason(request),
      );
      await Promise.all([
        pending,
        recordCaseDetails(applicationNo, { supplementRequest: request }),
      ]);
    },
  );

  handleAction(
    c,
    provideSupplementUpdate,
    (_provided: SupplementProvided) => {
      requireState(c, ['NEEDS_SUPPLEMENT'], 'PROVIDE_SUPPLEMENT');
      if (c.supplementRequest && Date.now() >= Date.parse(c.supplementRequest.deadline))
        refuse(c, 'PROVIDE_SUPPLEMENT', 'The supplement deadline has passed.');
    },
    async (provided: SupplementProvided) => {
      // The timeline moves first, so a deadline firing now finds the supplement already in.
      const pending = c.moveTo(
        'AWAITING_REVIEW',
        provided.actor,
        supplementProvidedReason(provided),
      );
      const seq = c.timeline.length;
      c.supplementRequest = null;
      c.supplementsProvided += 1;
      await Promise.all([
        pending,
        recordCaseDetails(applicationNo, {
          supplementRequest: null,
          supplement: { seq, ...provided },
        }),
      ]);
    },
  );
}

function handleOfflineCheck(c: EnrolmentCase): void {
  const { applicationNo } = c.input;
  handleAction(
    c,
    confirmOfflineCheckUpdate,
    (confirmation: OfflineCheckConfirmation) => {
      requireState(c, ['AWAITING_OFFLINE_CHECK'], 'CONFIRM_OFFLINE_CHECK');
      if (confirmation.outcome !== 'VERIFIED' && confirmation.confirms?.length)
        invalid('confirms', 'Only a VERIFIED check confirms facts.');
    },
    async (confirmation: OfflineCheckConfirmation) => {
      const pending = c.moveTo(
        'AWAITING_REVIEW',
        confirmation.reviewerId,
        offlineCheckReason(confirmation),
      );
      await Promise.all([
        pending,
        recordCaseDetails(applicationNo, { offlineCheck: confirmation }),
      ]);
      const confirms = confirmation.confirms ?? [];
      if (confirms.length && patched(REASSESS_ON_CONFIRMATION))
        await reassess(c, 'OFFLINE_CHECK', confirms, confirmation.reviewerId);
    },
  );
}

/** A reviewer accepts a supplement's documents as confirming facts, or corrects facts. */
function handleFactConfirmations(c: EnrolmentCase): void {
  handleAction(
    c,
    confirmFactsUpdate,
    (confirmed: FactsConfirmed) => {
      // A placement kept after an accepted appeal: the reviewer's corrections count in the 补录 round.
      if (!seeksBetterPlace(c)) requireState(c, ['AWAITING_REVIEW'], 'CONFIRM_FACTS');
      if (confirmed.confirms.length === 0) invalid('confirms', 'Name at least one fact.');
      if (confirmed.source === 'SUPPLEMENT' && c.supplementsProvided === 0)
        invalid('source', 'The family has provided no supplement on this case.');
    },
    async (confirmed: FactsConfirmed) => {
      patched(REASSESS_ON_CONFIRMATION);
      await reassess(c, confirmed.source, confirmed.confirms, confirmed.reviewerId);
    },
  );
}
