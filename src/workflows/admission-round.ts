import { continueAsNew, proxyActivities, type RetryPolicy } from '@temporalio/workflow';
import type { Activities } from '../contract';

const retry: RetryPolicy = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
};
// Freezing and drawing a county of a million applicants takes minutes of one CPU.
const { freezeRound, drawRound, publishRound } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  retry,
});
// A delivery batch heartbeats as it goes, so a batch on a worker that died is retried within
// seconds, not after the whole time-out.
const { deliverResults } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry,
});

/** Deliveries per run before continuing as new, to keep each run's history small. */
const BATCHES_PER_RUN = 100;

/**
 * One admission round (DESIGN.md §5): freeze the approved applicants, draw with the committed
 * seed, deliver each result to its application, publish. Every step is idempotent, so a crash
 * anywhere resumes where it was without a second delivery taking effect.
 */
export async function admissionRound(
  roundId: string,
  batchSize = 200,
): Promise<{ roundId: string; delivered: number }> {
  await freezeRound(roundId);
  await drawRound(roundId);
  let delivered = 0;
  for (let batch = 0; ; batch += 1) {
    if (batch === BATCHES_PER_RUN) await continueAsNew<typeof admissionRound>(roundId, batchSize);
    const progress = await deliverResults(roundId, batchSize);
    delivered += progress.delivered;
    if (progress.remaining === 0) break;
  }
  await publishRound(roundId);
  return { roundId, delivered };
}
