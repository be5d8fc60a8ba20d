import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { freezeRound, drawRound, deliverResults, publishRound } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
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
