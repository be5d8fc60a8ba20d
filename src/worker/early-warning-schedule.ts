import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import {
  EARLY_WARNING_WORKFLOW_TYPE,
  type EarlyWarningInput,
  type EarlyWarningWorkflow,
} from '../contract';

/** One schedule per task queue, so deployments (and test files) sharing a namespace stay apart. */
export const earlyWarningScheduleId = (taskQueue: string) => `early-warning:${taskQueue}`;

/** 02:00 China time, before bureaus open: the night's population and applications are in. */
export const EARLY_WARNING_CRON = '0 18 * * *';

/**
 * Creates the Temporal Schedule that recomputes every county's warnings nightly, at the worker's
 * start-up (every worker may call it; the first creates it). A schedule just created runs once at
 * once, so a new deployment (and `npm start`) has its warnings without waiting for the night; a
 * worker that restarts finds it and changes nothing.
 */
export async function ensureEarlyWarningSchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'unchanged'> {
  const scheduleId = earlyWarningScheduleId(taskQueue);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { cronExpressions: [EARLY_WARNING_CRON] },
      action: {
        type: 'startWorkflow',
        workflowType: EARLY_WARNING_WORKFLOW_TYPE,
        args: [{ cause: 'SCHEDULE' }] as Parameters<EarlyWarningWorkflow>,
        taskQueue,
        workflowId: `early-warning-run:${taskQueue}`,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'unchanged';
    throw error;
  }
  await client.schedule.getHandle(scheduleId).trigger();
  return 'created';
}

/**
 * Recomputes some counties' warnings now, beside the schedule (a change of places or policy, or
 * an administrator's request). One run per county at a time: a newer request replaces a run
 * still going, since it reads the newer places.
 */
export async function startEarlyWarning(
  client: Client,
  taskQueue: string,
  input: EarlyWarningInput & { readonly countyCodes: readonly string[] },
): Promise<string> {
  const handle = await client.workflow.start<EarlyWarningWorkflow>(EARLY_WARNING_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: `early-warning-now:${taskQueue}:${[...input.countyCodes].sort().join(',')}`,
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.TERMINATE_EXISTING,
    args: [input],
    workflowExecutionTimeout: '1 hour',
  });
  return handle.workflowId;
}
