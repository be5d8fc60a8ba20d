import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
} from '@temporalio/worker';
import { allocate, allocateRound } from '../src/domain/allocation/allocate';
import { allocateStraightforward } from '../src/domain/allocation/straightforward';
import type { AllocationSchool, Applicant } from '../src/domain/allocation/model';
import { mulberry32 } from '../src/simulator/prng';
import { admissionResultSignal, type AdmissionDelivery } from '../src/contract';
import { seasonFigures } from './season';
import { benchEngineKind, startBenchEngine } from './support/engine';

/**
 * `npm run bench:allocate`: (1) the allocation of BENCH_APPLICANTS (default 1 000 000) applicants
 * with 3 choices each over BENCH_SCHOOLS (3 000) schools, wall time and peak memory, for both
 * mechanisms, by the compact path (results built as they are read, as the round's activity reads
 * them), the compact path with every result built up front, and the straightforward one side by
 * side (same result hash);
 * (2) delivery of results to BENCH_LIVE (10 000) live workflows waiting for them, signalled 20 at
 * a time as the round's delivery activity does, on a Temporal dev server (BENCH_ENGINE=server:
 * Temporal server on PostgreSQL); (3) a season of BENCH_SEASON (100 000) applicants: main round,
 * declines re-offered down the waitlists, 补录 round, per stage, and a check that no place is held
 * twice (bench/season.ts).
 */
const applicantsCount = Number(process.env.BENCH_APPLICANTS ?? 1_000_000);
const schoolsCount = Number(process.env.BENCH_SCHOOLS ?? 3000);
const liveCount = Number(process.env.BENCH_LIVE ?? 10_000);
const seasonCount = Number(process.env.BENCH_SEASON ?? 100_000);
/**
 * A deployment's worker cannot keep 100 000 cases in memory: past this many, a case taking its
 * result is replayed from its history, as it would be there.
 */
const deliveryWorkerCache = Math.min(liveCount, 10_000);

/** A line on stderr, so a long run shows how far it is. */
function progress(what: string, done: number, since: number): void {
  const seconds = ((Date.now() - since) / 1000).toFixed(0);
  process.stderr.write(`  … ${what} ${done} of ${liveCount} after ${seconds} s\n`);
}

function synthetic(
  applicantsCount: number,
  schoolsCount = Math.max(1, Math.round(applicantsCount / 333)),
): { schools: AllocationSchool[]; applicants: Applicant[] } {
  const rand = mulberry32(20260901);
  const schools = Array.from({ length: schoolsCount }, (_, i) => ({
    id: `S${i}`,
    // Places for ~90% of applicants, unevenly: some schools are oversubscribed, some are not.
    capacity: Math.round(((applicantsCount * 0.9) / schoolsCount) * (0.5 + rand())),
    location: { x: rand() * 100_000, y: rand() * 100_000 },
  }));
  const applicants = Array.from({ length: applicantsCount }, (_, i) => {
    const home = Math.floor(rand() * schoolsCount);
    const choices = [
      home,
      (home + 1 + Math.floor(rand() * 20)) % schoolsCount,
      Math.floor(rand() * schoolsCount),
    ].map((s) => ({
      schoolId: `S${s}`,
      tier: 1 + Math.floor(rand() * 9),
      qualifyingDate:
        rand() < 0.6
          ? `20${10 + Math.floor(rand() * 16)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`
          : null,
      contributionMonths: rand() < 0.3 ? Math.floor(rand() * 25) : null,
    }));
    return { id: `A${i}`, eligible: rand() > 0.01, choices, location: schools[home]!.location };
  });
  return { schools, applicants };
}

/** `compact, all built`: the compact path with every result built up front (`allocate`). */
const PATHS = {
  straightforward: allocateStraightforward,
  compact: allocateRound,
  'compact, all built': allocate,
} as const;
type Path = keyof typeof PATHS;
const MECHANISMS = ['DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST'] as const;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * One allocation in this process (a child of the bench, so its peak RSS is its own): the wall time
 * of the allocation and of reading every result once to hash it (the compact path builds each
 * result as it is read), and the peak RSS against the resident set once the input is built.
 */
function allocateOnce(path: Path, mechanism: (typeof MECHANISMS)[number]): void {
  const input = synthetic(applicantsCount, schoolsCount);
  (globalThis as { gc?: () => void }).gc?.();
  const inputRss = process.memoryUsage().rss;
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const result = PATHS[path]({ ...input, mechanism, seed: 'bench-seed' });
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peak = process.resourceUsage().maxRSS * 1024;
  const readStarted = Date.now();
  const hash = createHash('sha256');
  let placed = 0;
  let bureau = 0;
  for (const r of result.results) {
    hash.update(JSON.stringify(r));
    if (r.placement.result !== 'NOT_PLACED') placed += 1;
    if (r.placement.result === 'ASSIGNED_BY_BUREAU') bureau += 1;
  }
  hash.update(JSON.stringify(result.schools));
  const readSeconds = (Date.now() - readStarted) / 1000;
  const readPeak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds, inputRss, peak, readSeconds, readPeak, hash: hash.digest('hex').slice(0, 16), placed, bureau })}\n`,
  );
}

/** Both paths, both mechanisms, each in a fresh process; the results must hash the same. */
function allocationFigures(): void {
  process.stdout.write(
    `${applicantsCount} applicants × 3 choices over ${schoolsCount} schools (each run in its own process)\n`,
  );
  for (const mechanism of MECHANISMS)
    for (const path of Object.keys(PATHS) as Path[]) {
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, '--expose-gc', __filename, '--allocate', path, mechanism],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      if (child.status !== 0) throw new Error(`${path} ${mechanism} failed (${child.status})`);
      const f = JSON.parse(child.stdout) as Record<string, number | string>;
      process.stdout.write(
        `  ${mechanism.padEnd(19)} ${path.padEnd(18)} ${Number(f.seconds).toFixed(2).padStart(6)} s wall, ${Number(f.cpuSeconds).toFixed(2)} s CPU; ` +
          `peak RSS ${mib(Number(f.peak))} (input alone ${mib(Number(f.inputRss))}, ` +
          `allocation ≤ ${mib(Number(f.peak) - Number(f.inputRss))}); ` +
          `reading every result to hash it ${Number(f.readSeconds).toFixed(2)} s more (peak RSS then ${mib(Number(f.readPeak))}); ` +
          `placed ${f.placed} (${f.bureau} by the bureau); result hash ${f.hash}\n`,
      );
    }
}

async function deliveryFigures(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const server = await startBenchEngine(benchEngineKind(), 7960);
  process.stdout.write(`delivery on ${server.label}\n`);
  const connection = await NativeConnection.connect({ address: server.address });
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const taskQueue = `bench-delivery-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('./workflows/await-admission'),
      logger: new DefaultLogger('ERROR'),
    }),
    maxCachedWorkflows: deliveryWorkerCache,
  });
  const running = worker.run();
  const ids = Array.from({ length: liveCount }, (_, i) => `bench-live-${i}-${randomUUID()}`);
  const startedAt = Date.now();
  for (let i = 0; i < ids.length; i += 100) {
    await Promise.all(
      ids
        .slice(i, i + 100)
        .map((workflowId) => client.workflow.start('awaitAdmission', { workflowId, taskQueue })),
    );
    if ((i + 100) % 10_000 === 0) progress('started', i + 100, startedAt);
  }
  process.stdout.write(
    `started ${liveCount} live workflows in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
  );
  const delivery: AdmissionDelivery = {
    roundId: 'bench',
    result: 'ADMITTED',
    schoolId: 'S1',
    explanation: { zh: '已录取', en: 'Admitted' },
    housingLock: null,
  };
  const t0 = Date.now();
  for (let i = 0; i < ids.length; i += 20) {
    await Promise.all(
      ids
        .slice(i, i + 20)
        .map((id) => client.workflow.getHandle(id).signal(admissionResultSignal, delivery)),
    );
    if ((i + 20) % 10_000 === 0) progress('signalled', i + 20, t0);
  }
  const signalled = (Date.now() - t0) / 1000;
  process.stdout.write(
    `  delivered ${liveCount} results in ${signalled.toFixed(1)} s (${(liveCount / signalled).toFixed(0)} signals/s, 20 at a time)\n`,
  );
  // Waiting on 10 000 results at once would open as many long polls; count the open ones instead.
  let open = liveCount;
  for (let polls = 1; open > 0; polls++) {
    await new Promise((r) => setTimeout(r, 500));
    open = (
      await client.workflow.count(`TaskQueue = "${taskQueue}" AND ExecutionStatus = "Running"`)
    ).count;
    if (polls % 60 === 0) progress('completed', liveCount - open, t0); // about every 30 s
  }
  const completed = (Date.now() - t0) / 1000;
  process.stdout.write(
    `  every case had taken its result and completed after ${completed.toFixed(1)} s (${(liveCount / completed).toFixed(0)} cases/s); ` +
      `worker cache ${deliveryWorkerCache} cases, bench process peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}\n`,
  );
  worker.shutdown();
  await running;
  await client.connection.close();
  await connection.close();
  await server.stop();
}

async function main(): Promise<void> {
  const [flag, path, mechanism] = process.argv.slice(2);
  if (flag === '--allocate')
    return allocateOnce(path as Path, mechanism as (typeof MECHANISMS)[number]);
  if (applicantsCount > 0) allocationFigures();
  if (seasonCount > 0) seasonFigures(synthetic, seasonCount);
  if (liveCount > 0) await deliveryFigures();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
