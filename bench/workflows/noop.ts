import { proxyActivities } from '@temporalio/workflow';

/** The bare engine: a workflow that runs `count` activities that do nothing, one after another. */
const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

export async function bareWorkflow(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await noop();
}
