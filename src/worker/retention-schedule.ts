import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import {
  RETENTION_WORKFLOW_TYPE,
  type RetentionInput,
  type RetentionReport,
  type RetentionWorkflow,
} from '../contract';
import { RETENTION_POLICY, type RetentionPolicy } from '../domain/retention/policy';

/** One schedule per task queue, so deployments (and test files) sharing a namespace stay apart. */
export const retentionScheduleId = (taskQueue: string) => `retention:${taskQueue}`;

/**
 * Creates the Temporal Schedule that runs the retention workflow, at the worker's start-up (the
 * process that runs it); every worker may call it, and the first creates it. A schedule made
 * under an older policy version is brought to the current one; otherwise it is left alone.
 */
export async function ensureRetentionSchedule(
  client: Client,
  taskQueue: string,
  policy: RetentionPolicy = RETENTION_POLICY,
): Promise<'created' | 'updated' | 'unchanged'> {
  const scheduleId = retentionScheduleId(taskQueue);
  const spec = { cronExpressions: [policy.scheduleCron] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: RETENTION_WORKFLOW_TYPE,
    args: [{}] as Parameters<RetentionWorkflow>,
    taskQueue,
    workflowId: `retention-run:${taskQueue}`,
    // The policy version the schedule was made from, on the action because it can be updated.
    memo: { policyVersion: policy.version },
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      // A run still going when the next is due (a very large season) finishes first.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(scheduleId);
  const current = await handle.describe();
  const made = current.action.type === 'startWorkflow' ? current.action.memo?.policyVersion : null;
  if (made === policy.version) return 'unchanged';
  await handle.update((previous) => ({ ...previous, spec, action }));
  return 'updated';
}

/** Runs retention once now (`npm run retention`), beside the schedule, and waits for its report. */
export function runRetentionNow(
  client: Client,
  taskQueue: string,
  input: RetentionInput,
): Promise<RetentionReport> {
  return client.workflow.execute<RetentionWorkflow>(RETENTION_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: `retention-now:${taskQueue}:${randomUUID()}`,
    args: [input],
    // No worker polling the queue: give up rather than wait for ever.
    workflowExecutionTimeout: '1 hour',
  });
}
