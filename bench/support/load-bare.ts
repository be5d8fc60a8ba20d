import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { spawnServiceProcess, type ServiceProcess } from '../../test/support/worker-process';
import { cpuSince, cpuSnapshot } from './cpu';
import { openLoop } from './load-requests';

/**
 * bench:load's bare phase (BENCH_BARE=1): before the API is started, the same open-loop rate of
 * starts straight to Temporal, no API, no read model, no codec, of a bare workflow running as many
 * no-op activities as a case runs by AWAITING_REVIEW, with as many bare worker processes at the
 * same niceness as the case workers. What the engine alone answers at that rate on this machine
 * is the floor under a submission's latency (a submission waits for its workflow's start).
 */
export interface BarePhase {
  readonly sent: number;
  readonly sentFor: number;
  readonly failed: number;
  /** Start latencies of the starts that succeeded, ms. */
  readonly latencies: readonly number[];
  /** Bare workflows completed by the end of the sending. */
  readonly completed: number;
  readonly cpu: ReadonlyMap<string, number>;
}

export interface BarePhaseOptions {
  readonly address: string;
  readonly rate: number;
  readonly seconds: number;
  readonly workers: number;
  readonly nice: number;
  readonly activities: number;
  /** How the report names the engine's processes (bench/load.ts's ENGINE_COMMANDS). */
  readonly engineCommands: ReadonlyMap<string, string>;
}

export async function runBarePhase(options: BarePhaseOptions): Promise<BarePhase> {
  const taskQueue = `bare-load-${randomUUID()}`;
  const workers: ServiceProcess[] = [];
  const connection = await Connection.connect({ address: options.address });
  try {
    for (let i = 0; i < options.workers; i += 1)
      workers.push(
        await spawnServiceProcess(
          'bench/support/bare-worker.ts',
          { TEMPORAL_ADDRESS: options.address, BARE_TASK_QUEUE: taskQueue },
          'bare worker polling',
          { nice: options.nice, fromSource: true },
        ),
      );
    const client = new Client({ connection });
    const named = new Map<number, string>([[process.pid, 'bench client']]);
    for (const worker of workers) if (worker.child.pid) named.set(worker.child.pid, 'bare worker');
    const before = cpuSnapshot();
    const began = performance.now();
    const total = Math.ceil(options.rate * options.seconds);
    const results = await openLoop(began, total, options.rate, (i) =>
      startBare(client, taskQueue, i, options.activities),
    );
    const sentFor = (performance.now() - began) / 1000;
    const cpu = cpuSince(before, named, options.engineCommands);
    const { count: completed } = await client.workflow.count(
      `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Completed'`,
    );
    const latencies = results.filter((ms): ms is number => ms !== null);
    return {
      sent: total,
      sentFor,
      failed: total - latencies.length,
      latencies,
      completed,
      cpu,
    };
  } finally {
    // The bare workflows not yet run stay behind, with no worker to give CPU to.
    for (const worker of workers) await worker.stop();
    await connection.close();
  }
}

/** One start's latency in ms, or null if it failed. */
async function startBare(
  client: Client,
  taskQueue: string,
  i: number,
  activities: number,
): Promise<number | null> {
  const t0 = performance.now();
  try {
    await client.workflow.start('bareWorkflow', {
      workflowId: `bare-load-${i}-${randomUUID()}`,
      taskQueue,
      args: [activities],
    });
    return performance.now() - t0;
  } catch {
    return null;
  }
}
