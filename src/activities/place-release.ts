import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { placeReleasedSignal, WAITLIST_WORKFLOW_TYPE, waitlistWorkflowId } from '../contract';
import type { WaitlistRepository } from '../db/waitlist-repository';
import type { PlaceRelease } from '../domain/place-confirmation';

/**
 * Records a released place (idempotent) and signals it to its school's waitlist chain, starting
 * the chain if need be: the chain offers it on, or leaves it UNFILLED for the next 补录 round.
 * A case gives its place up this way (a decline, a lapse, a move), and so does a round's delivery
 * for a case whose run has ended.
 */
export async function releaseToChain(
  waitlists: WaitlistRepository,
  temporal: Client,
  release: PlaceRelease,
): Promise<void> {
  const releaseId = await waitlists.release(release);
  await temporal.workflow.signalWithStart(WAITLIST_WORKFLOW_TYPE, {
    workflowId: waitlistWorkflowId(release.roundId, release.schoolId),
    taskQueue: Context.current().info.taskQueue,
    args: [{ roundId: release.roundId, schoolId: release.schoolId }],
    signal: placeReleasedSignal,
    signalArgs: [{ releaseId }],
  });
}
