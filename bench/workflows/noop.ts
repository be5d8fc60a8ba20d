import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

type Noop = { noop(): Promise<void> };
const { noop } = proxyActivities<Noop>({ startToCloseTimeout: '10 seconds' });
const { noop: noopLocally } = proxyLocalActivities<Noop>({ startToCloseTimeout: '10 seconds' });

/**
 * The bare engine: a workflow that runs `local` local activities, then `tasks` activities, that
 * do nothing, one after another.
 */
export async function bareWorkflow(tasks: number, local = 0): Promise<void> {
  for (let i = 0; i < local; i += 1) await noopLocally();
  for (let i = 0; i < tasks; i += 1) await noop();
}
