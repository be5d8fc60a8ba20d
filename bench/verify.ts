import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { generateFamilies } from '../src/simulator/families';
import type { Family } from '../src/simulator/family-records';
import { codecMeter } from './support/codec-meter';
import { treeCpuSeconds } from './support/cpu';
import { startBenchStack, type BenchStack, type CaseRunner } from './support/stack';
import { workerTuningOf } from '../src/worker/tuning';
import { bareShapesOf } from './support/case-shape';
import { formForFamily } from '../src/testing/forms';

/**
 * `npm run bench:verify`: BENCH_CASES (default 300) applications of families with a home (Form A,
 * each department check delayed 20 ms by the simulator) started at once
 * against a Temporal dev server (BENCH_ENGINE=server: Temporal server on PostgreSQL); cases/s reaching AWAITING_REVIEW and p50/p95 time-to-verified,
 * with the payload codec and without it (issue 12: the codec may cost at most 5 %), in two
 * halves each, interleaved (on, off, off, on) after an uncounted warm-up of BENCH_WARMUP (default
 * 30) cases a side, so neither side gets the colder or the warmer machine; between them, on the
 * same server and in the same order, as many bare workflows running as many no-op activities as a
 * case runs, and one per step of a case, as each step ran when the target was set (case-shape.ts); and cases
 * whose workflows each evaluate the pure modules again (SHARED_WORKFLOW_MODULES not preloaded),
 * as every workflow did before 2026-12-04. Beside the rates,
 * the CPU each case cost this process (workers, client) and the Temporal server, which a busy
 * machine does not distort as it does throughput (PostgreSQL's share is left out: the codec does
 * not touch it).
 */
const cases = Number(process.env.BENCH_CASES ?? 300);
const warmup = Number(process.env.BENCH_WARMUP ?? 30);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
/** Enough families that a quarter or so with a home (Form A) covers the three sides' batches. */
const population = cases * 16;
/**
 * Half the cases of each side, then the other half in the mirrored order: the machine's speed
 * drifts within a run by a fifth or more, and each side gets as much of the early and the late.
 */
const BATCH_ORDER = [
  'on',
  'bare',
  'unshared',
  'bareOnePerStep',
  'off',
  'off',
  'bareOnePerStep',
  'unshared',
  'bare',
  'on',
] as const;
const SETTINGS = {
  verificationAttemptTimeoutMs: 15_000,
  verificationRetryBudgetMs: 600_000,
  reviewSlaMs: 86_400_000,
};

/** Completed runs and their latencies, added up over a side's batches. */
interface Figures {
  count: number;
  seconds: number;
  latencies: number[];
  cpuSeconds: number;
  /** Time inside the payload codec and the payloads it handled (codec-meter.ts). */
  codecSeconds: number;
  payloads: number;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const p50 = (f: Figures) => percentile(f.latencies, 50);
const p95 = (f: Figures) => percentile(f.latencies, 95);
const rate = (f: Figures) => f.count / f.seconds;
const cpuMsPerCase = (f: Figures) => (f.cpuSeconds * 1000) / f.count;

const emptyFigures = (): Figures => ({
  count: 0,
  seconds: 0,
  cpuSeconds: 0,
  codecSeconds: 0,
  payloads: 0,
  latencies: [],
});

function add(total: Figures, batch: Figures): void {
  total.count += batch.count;
  total.seconds += batch.seconds;
  total.cpuSeconds += batch.cpuSeconds;
  total.codecSeconds += batch.codecSeconds;
  total.payloads += batch.payloads;
  total.latencies = [...total.latencies, ...batch.latencies].sort((a, b) => a - b);
}

/** Runs one batch of cases with its own worker until each reaches AWAITING_REVIEW (or 10 min). */
async function verifyBatch(
  stack: BenchStack,
  runner: CaseRunner,
  families: readonly Family[],
): Promise<Figures> {
  const { worker, running } = await runner.startWorker();
  const cpuBefore = treeCpuSeconds(process.pid);
  const codecBefore = { ...codecMeter };
  const started = Date.now();
  const numbers = await runner.startCases(families, SETTINGS);
  let verified: { submitted_at: Date; status_changed_at: Date }[] = [];
  while (verified.length < families.length && Date.now() - started < 600_000) {
    await new Promise((r) => setTimeout(r, 500));
    verified = await stack.db.$queryRaw`SELECT submitted_at, status_changed_at FROM application
      WHERE status = 'AWAITING_REVIEW' AND application_no = ANY(${numbers})`;
  }
  const cpuSeconds = treeCpuSeconds(process.pid) - cpuBefore;
  worker.shutdown();
  await running;
  return {
    cpuSeconds,
    codecSeconds: Number(codecMeter.nanoseconds - codecBefore.nanoseconds) / 1e9,
    payloads: codecMeter.payloads - codecBefore.payloads,
    count: verified.length,
    seconds: (Math.max(...verified.map((v) => v.status_changed_at.getTime())) - started) / 1000,
    latencies: verified
      .map((v) => v.status_changed_at.getTime() - v.submitted_at.getTime())
      .sort((a, b) => a - b),
  };
}

/** The bare engine on the same server: `activities` no-op activities per workflow. */
async function bareEngine(
  stack: BenchStack,
  runner: CaseRunner,
  count: number,
  activities: number,
): Promise<Figures> {
  const bareQueue = `bare-${randomUUID()}`;
  const bareWorker = await Worker.create({
    connection: stack.connection,
    taskQueue: bareQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./workflows/noop'),
      logger: new DefaultLogger('ERROR'),
    }),
    activities: { noop: () => Promise.resolve() },
  });
  const bareRunning = bareWorker.run();
  const cpuBefore = treeCpuSeconds(process.pid);
  const started = Date.now();
  const latencies = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t0 = Date.now();
      await runner.client.workflow.execute('bareWorkflow', {
        workflowId: `bare-${i}-${randomUUID()}`,
        taskQueue: bareQueue,
        args: [activities],
      });
      return Date.now() - t0;
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const cpuSeconds = treeCpuSeconds(process.pid) - cpuBefore;
  bareWorker.shutdown();
  await bareRunning;
  const latencySorted = latencies.sort((a, b) => a - b);
  return { count, seconds, cpuSeconds, codecSeconds: 0, payloads: 0, latencies: latencySorted };
}

const line = (name: string, f: Figures) =>
  `  ${name}: ${f.count} done (a case at AWAITING_REVIEW, a bare workflow completed) in ${f.seconds.toFixed(1)} s → ${rate(f).toFixed(1)}/s; latency p50 ${p50(f)} ms, p95 ${p95(f)} ms; CPU ${cpuMsPerCase(f).toFixed(1)} ms each`;

function report(
  engine: string,
  shapes: Record<'bare' | 'bareOnePerStep', number>,
  batches: readonly string[],
  on: Figures,
  off: Figures,
  bare: Figures,
  bareOnePerStep: Figures,
  unshared: Figures,
): string {
  return [
    `${cases} cases a side (Form A with a home: ${shapes.bare} activities), department latency ${latencyMs} ms, ${engine}, 2 cores`,
    ...batches,
    line('codec on ', on),
    line('codec off', off),
    `  ratio codec on / off: throughput ${(rate(on) / rate(off)).toFixed(2)}, p50 latency ${(p50(on) / p50(off)).toFixed(2)}, p95 latency ${(p95(on) / p95(off)).toFixed(2)}; CPU per case off / on ${(cpuMsPerCase(off) / cpuMsPerCase(on)).toFixed(2)} (the throughput a CPU-bound machine keeps)`,
    line('modules unshared', unshared),
    `  ratio modules shared / unshared (both codec on): throughput ${(rate(on) / rate(unshared)).toFixed(2)}; CPU per case unshared / shared ${(cpuMsPerCase(unshared) / cpuMsPerCase(on)).toFixed(2)}`,
    `  the codec itself (codec on): ${(on.payloads / on.count).toFixed(0)} payloads/case, ${((on.codecSeconds * 1000) / on.count).toFixed(2)} ms/case = ${((100 * on.codecSeconds) / on.cpuSeconds).toFixed(2)} % of the CPU a case costs`,
    ...(
      [
        [bare, shapes.bare, 'as many as a case runs'],
        [
          bareOnePerStep,
          shapes.bareOnePerStep,
          'one per step, as a case ran when the target was set',
        ],
      ] as const
    ).flatMap(([b, n, what]) => [
      `  bare, ${what}: ${b.count} workflows × ${n} no-op activities in ${b.seconds.toFixed(1)} s → ${rate(b).toFixed(1)} workflows/s; p50 ${p50(b)} ms, p95 ${p95(b)} ms; CPU ${cpuMsPerCase(b).toFixed(1)} ms/workflow`,
      `  ratio ours (codec on) / bare × ${n}: throughput ${(rate(on) / rate(b)).toFixed(2)}, p50 latency ${(p50(on) / p50(b)).toFixed(2)}; CPU per case bare / ours ${(cpuMsPerCase(b) / cpuMsPerCase(on)).toFixed(2)}`,
    ]),
  ].join('\n');
}

async function main(): Promise<void> {
  const stack = await startBenchStack({
    name: 'verify',
    temporalPort: 7950,
    population,
  });
  for (const endpoint of ['identity', 'household', 'real-estate', 'platform-callback'])
    stack.simulator.faults.set(endpoint, { latencyMs });
  const plain = await stack.withoutPayloadCodec();
  const unshared = await stack.withModulesUnshared();
  // Each batch its own families: a child's case is one workflow id, and the first is still open.
  const families = generateFamilies(11, population).filter(
    (f) => f.archetype === 'SOLE_OWNER_AT_HUKOU',
  );
  const take = (n: number) => families.splice(0, n);
  const { activities, onePerStep } = bareShapesOf(formForFamily(families[0]!));
  const shapes = { bare: activities, bareOnePerStep: onePerStep };
  await verifyBatch(stack, stack, take(warmup));
  await verifyBatch(stack, plain, take(warmup));
  await verifyBatch(stack, unshared, take(warmup));
  const half = Math.ceil(cases / 2);
  const totals = {
    on: emptyFigures(),
    off: emptyFigures(),
    bare: emptyFigures(),
    bareOnePerStep: emptyFigures(),
    unshared: emptyFigures(),
  };
  const runners = { on: stack, off: plain, unshared };
  const batches: string[] = [];
  for (const [i, side] of BATCH_ORDER.entries()) {
    const n = i < BATCH_ORDER.length / 2 ? half : cases - half;
    const batch =
      side === 'bare' || side === 'bareOnePerStep'
        ? await bareEngine(stack, plain, n, shapes[side])
        : await verifyBatch(stack, runners[side], take(n));
    batches.push(line(`batch ${i + 1}, ${side.padEnd(10)}`, batch));
    add(totals[side], batch);
  }
  const { bare, bareOnePerStep } = totals;
  const tuning = JSON.stringify(workerTuningOf(stack.config));
  process.stdout.write(`worker tuning (WORKER_* settings; {} is the SDK's defaults): ${tuning}\n`);
  process.stdout.write(
    `${report(stack.engineLabel, shapes, batches, totals.on, totals.off, bare, bareOnePerStep, totals.unshared)}\n`,
  );
  await stack.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
