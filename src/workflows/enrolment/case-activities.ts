import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../contract';

// The read model and the platform must eventually hear of every change whatever their outages,
// so recording and notifying retry without limit (backing off to once a few minutes).
export const {
  recordTransition,
  recordTransitions,
  recordCheck,
  notifyPlatform,
  assessEligibility,
  recordChecksAndAssess,
  recordCaseDetails,
  lockHousing,
  // Releasing a place records it and starts or signals its school's chain.
  releasePlace,
} = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Notices waiting together go in one attempt; if it fails, they go one at a time with the
// retries above, so a slow or failing platform is never asked for the whole batch again.
export const { notifyPlatformInOrder } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 1 },
});
