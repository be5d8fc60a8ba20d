import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../contract';

// The read model and the platform must eventually hear of every change whatever their outages,
// so recording and notifying retry without limit (backing off to once a few minutes).
const untilDone = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
} as const;

export const {
  recordTransition,
  recordCheck,
  notifyPlatform,
  assessEligibility,
  recordChecksAndAssess,
  recordCaseDetails,
  lockHousing,
  // Releasing a place records it and starts or signals its school's chain.
  releasePlace,
} = proxyActivities<Activities>(untilDone);

/**
 * A timeline step's write, as runs since `transitions-recorded-locally` make it: a local activity
 * (one idempotent statement) runs in the workflow task that took the step, so the engine keeps no
 * activity task, no dispatch and no second workflow task for it (docs/performance.md). A worker
 * that dies before the task completes runs it again on replay, which the write is keyed to allow.
 */
export const { recordTransition: recordTransitionLocally } =
  proxyLocalActivities<Activities>(untilDone);
