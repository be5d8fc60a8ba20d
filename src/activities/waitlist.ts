import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { caseViewQuery, offerPlaceUpdate, type WaitlistActivities } from '../contract';
import type { EligibilityRepository } from '../db/eligibility-repository';
import type { RoundRepository } from '../db/round-repository';
import type { WaitlistRepository } from '../db/waitlist-repository';
import { admissionNotice } from '../domain/admission-notice';
import { waitlistOrder } from '../domain/allocation/waitlist';
import { DEFAULT_OFFER_WINDOW_MS } from '../domain/place-confirmation';
import { lockedUntilOf } from './deliver-results';
import { releaseToChain } from './place-release';

/**
 * A call to a case's workflow that gives up when this activity is cancelled. An update waits on
 * the case's worker; while the worker shuts down nobody answers it, so without this the activity
 * would never end and the worker's shutdown would wait on it for ever.
 */
function untilCancelled<R>(temporal: Client, call: () => Promise<R>): Promise<R> {
  return temporal.withAbortSignal(Context.current().cancellationSignal, call);
}

/**
 * The waitlists' side effects (workflows/school-waitlist.ts): recording a release and waking
 * its chain, the round's published order, offering a place to a case, where an offer stands,
 * closing places.
 */
export function waitlistActivities(
  waitlists: WaitlistRepository,
  rounds: RoundRepository,
  eligibility: EligibilityRepository,
  temporal: Client,
): WaitlistActivities {
  return {
    releasePlace: (release) => releaseToChain(waitlists, temporal, release),

    async waitlistOrder(roundId, schoolId) {
      const round = await rounds.get(roundId);
      // A place declined while the round still delivers waits: every family on the list must
      // have its result before the first offer. Retried (backing off) until then.
      if (round.status !== 'PUBLISHED') throw new Error(`round ${roundId} is not yet published`);
      const list = waitlistOrder(await rounds.publishedResults(roundId), schoolId);
      const windows = await waitlists.windows(round.countyCode);
      return {
        applicationNos: list.map((e) => e.applicantId),
        offerWindowMs: windows?.offerWindowMs ?? DEFAULT_OFFER_WINDOW_MS,
      };
    },

    async offerPlace(applicationNo, offer) {
      const run = await waitlists.caseRun(applicationNo);
      if (!run || (await waitlists.inOpenRound(applicationNo))) return 'REFUSED';
      const round = await rounds.get(offer.roundId);
      const school = (await rounds.schools(round.countyCode, round.stage)).find(
        (s) => s.id === offer.schoolId,
      );
      const reporting = await rounds.reporting(round.countyCode, round.stage, round.seasonYear);
      const schoolName = school?.nameZh ?? offer.schoolId;
      const notice = admissionNotice(
        { id: offer.schoolId, name: schoolName, address: school?.address ?? null },
        reporting.get(offer.schoolId) ?? null,
      );
      // The home the child's entry in the round rests on, locked as the round locks a placement.
      const certificateNo = (await rounds.frozenEntry(offer.roundId, applicationNo))?.certificateNo;
      const housingLock = certificateNo
        ? { certificateNo, lockedUntil: await lockedUntilOf(eligibility, round) }
        : null;
      try {
        return await untilCancelled(temporal, () =>
          temporal.workflow.getHandle(run.workflowId, run.runId).executeUpdate(offerPlaceUpdate, {
            args: [{ ...offer, schoolName, notice, housingLock }],
            updateId: offer.id,
          }),
        );
      } catch (error) {
        // The case cannot take an offer now (refused, or its run has closed): the next one can.
        if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError)
          return 'REFUSED';
        throw error;
      }
    },

    async offerStanding(applicationNo, offerId) {
      const run = await waitlists.caseRun(applicationNo);
      if (!run) return 'LAPSED';
      // The case's latest run (an operator's reset starts another); its own state, not the read
      // model's, which may lag behind an answer. A closed run answers queries from its history.
      const handle = temporal.workflow.getHandle(run.workflowId);
      const { status } = await untilCancelled(temporal, () => handle.describe());
      const offer = (await untilCancelled(temporal, () => handle.query(caseViewQuery))).offer;
      // The case holds a later offer only once this one was answered, and not by accepting it.
      if (offer && offer.id !== offerId) return 'DECLINED';
      if (offer?.answer) return offer.answer;
      return status.name === 'RUNNING' ? null : 'LAPSED';
    },

    async closeReleases(releaseIds, state, takenBy) {
      await waitlists.close(releaseIds, state, takenBy);
    },
  };
}
