import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { generateFamilies } from '../src/simulator/families';
import { startBenchStack } from './support/stack';

/**
 * `npm run bench:verify`: BENCH_CASES (default 300) applications of families with a home (Form A,
 * three department checks each, every call delayed 20 ms by the simulator) started at once
 * against a Temporal dev server; cases/s reaching AWAITING_REVIEW and p50/p95 time-to-verified.
 * Then, on the same server, as many bare workflows running the same number of no-op activities.
 */
const cases = Number(process.env.BENCH_CASES ?? 300);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
/** Activities one such case runs: 3 transitions recorded, 3 checks, 3 results stored, 1 assessment, 3 notices. */
const ACTIVITIES_PER_CASE = 13;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const stack = await startBenchStack({
    name: 'verify',
    temporalPort: 7950,
    population: cases * 5,
  });
  const { db, client, connection, simulator } = stack;
  for (const endpoint of ['identity', 'household', 'real-estate', 'platform-callback'])
    simulator.faults.set(endpoint, { latencyMs });
  const { worker, running } = await stack.startWorker();

  const families = generateFamilies(11, cases * 5)
    .filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')
    .slice(0, cases);
  const started = Date.now();
  await stack.startCases(families, {
    verificationAttemptTimeoutMs: 15_000,
    verificationRetryBudgetMs: 600_000,
    reviewSlaMs: 86_400_000,
  });
  let verified: { submitted_at: Date; status_changed_at: Date }[] = [];
  while (verified.length < families.length && Date.now() - started < 600_000) {
    await new Promise((r) => setTimeout(r, 500));
    verified =
      await db.$queryRaw`SELECT submitted_at, status_changed_at FROM application WHERE status = 'AWAITING_REVIEW'`;
  }
  const oursSeconds =
    (Math.max(...verified.map((v) => v.status_changed_at.getTime())) - started) / 1000;
  const latencies = verified
    .map((v) => v.status_changed_at.getTime() - v.submitted_at.getTime())
    .sort((a, b) => a - b);
  worker.shutdown();
  await running;

  // The bare engine, same server: no-op activities, as many per workflow as a case runs.
  const bareQueue = `bare-${randomUUID()}`;
  const bareWorker = await Worker.create({
    connection,
    taskQueue: bareQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./workflows/noop'),
      logger: new DefaultLogger('ERROR'),
    }),
    activities: { noop: () => Promise.resolve() },
  });
  const bareRunning = bareWorker.run();
  const bareStarted = Date.now();
  const bareLatencies = (
    await Promise.all(
      families.map(async (_f, i) => {
        const t0 = Date.now();
        await client.workflow.execute('bareWorkflow', {
          workflowId: `bare-${i}-${randomUUID()}`,
          taskQueue: bareQueue,
          args: [ACTIVITIES_PER_CASE],
        });
        return Date.now() - t0;
      }),
    )
  ).sort((a, b) => a - b);
  const bareSeconds = (Date.now() - bareStarted) / 1000;
  bareWorker.shutdown();
  await bareRunning;

  const oursRate = verified.length / oursSeconds;
  const bareRate = families.length / bareSeconds;
  process.stdout.write(
    [
      `${families.length} cases (Form A with a home: 3 checks, ${ACTIVITIES_PER_CASE} activities), department latency ${latencyMs} ms, Temporal dev server (SQLite, in memory), 2 cores`,
      `  ours: ${verified.length} reached AWAITING_REVIEW in ${oursSeconds.toFixed(1)} s → ${oursRate.toFixed(1)} cases/s; time-to-verified p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms`,
      `  bare: ${families.length} workflows × ${ACTIVITIES_PER_CASE} no-op activities in ${bareSeconds.toFixed(1)} s → ${bareRate.toFixed(1)} workflows/s; p50 ${percentile(bareLatencies, 50)} ms, p95 ${percentile(bareLatencies, 95)} ms`,
      `  ratio ours / bare: throughput ${(oursRate / bareRate).toFixed(2)}, p50 latency ${(percentile(latencies, 50) / percentile(bareLatencies, 50)).toFixed(2)}`,
    ].join('\n') + '\n',
  );

  await stack.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
