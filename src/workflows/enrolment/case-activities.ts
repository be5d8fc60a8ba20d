import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../contract';

// The read model and the platform must eventually hear of every change whatever their outages,
// so recording and notifying retry without limit (backing off to once a few minutes).
const untilDone = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
} as const;

const inTasks = proxyActivities<Activities>(untilDone);
export const {
  recordCheck,
  notifyPlatform,
  assessEligibility,
  recordCaseDetails,
  lockHousing,
  // Releasing a place records it and starts or signals its school's chain.
  releasePlace,
} = inTasks;

/**
 * Runs started before this patch make the case's own writes below as activity tasks; later runs
 * as local activities: each runs in the workflow task that took the step and is recorded as a
 * marker in that task's completion, so the engine keeps no activity task, no dispatch and no
 * second workflow task for it (docs/performance.md). A worker that dies before the task completes
 * runs the write again on replay, which each write is keyed to allow.
 */
const CASE_WRITES_LOCAL = 'case-writes-local';

type CaseWrites = Pick<Activities, 'recordTransition' | 'recordChecksAndAssess'>;
const inWorkflowTask = proxyLocalActivities<Activities>(untilDone);

/** A timeline step's write and the first assessment, as this run makes them. */
export function caseWrites(): CaseWrites {
  return patched(CASE_WRITES_LOCAL) ? inWorkflowTask : inTasks;
}
