import type { WorkerOptions } from '@temporalio/worker';
import type { Config } from '../config/config';

export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxCachedWorkflows'
  | 'workflowTaskPollerBehavior'
  | 'activityTaskPollerBehavior'
>;

/**
 * The worker's capacity, from configuration; an unset value keeps the SDK's default (100
 * activities, 40 workflow tasks, a workflow cache sized from the heap, up to 10 pollers each).
 * Department calls are I/O-bound, so activity slots are cheap; workflow tasks are CPU-bound and
 * share the process's cores with activities. docs/configuration.md#worker-tuning says when to
 * change which.
 */
export function workerTuningOf(config: Config): WorkerTuning {
  const pollers = (maximum: number | undefined) =>
    maximum === undefined ? undefined : { type: 'simple-maximum' as const, maximum };
  const tuning: WorkerTuning = {
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    workflowTaskPollerBehavior: pollers(config.WORKER_WORKFLOW_TASK_POLLERS),
    activityTaskPollerBehavior: pollers(config.WORKER_ACTIVITY_TASK_POLLERS),
  };
  return Object.fromEntries(Object.entries(tuning).filter(([, value]) => value !== undefined));
}
