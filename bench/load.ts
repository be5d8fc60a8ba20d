import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { autovacuumOf } from '../src/main/database';
import { bareShapesOf } from './support/case-shape';
import { buildForChildProcesses } from '../test/support/build';
import { spawnServiceProcess, type ServiceProcess } from '../test/support/worker-process';
import { cpuSince, cpuSnapshot } from './support/cpu';
import { benchEngineKind, startBenchEngine } from './support/engine';
import type { LoadSample } from './support/load-chart';
import { faultKinds, runFaults } from './support/load-faults';
import { apiRuntime, scrapeApi } from './support/api-runtime';
import { runBarePhase } from './support/load-bare';
import {
  bareReport,
  keepServiceLogs,
  sendingReport,
  submissionStages,
  writeLoadReport,
} from './support/load-report';
import { lossAudit, untilAllReviewed } from './support/loss-audit';
import { openLoop, send, signedRequests } from './support/load-requests';
import { ENGINE_COMMANDS, heldTuning, serviceNames } from './support/load-processes';
import { freshDatabase } from './support/stack';

/**
 * `npm run bench:load` (issue 18 item 4): open-loop arrivals of distinct valid applications at
 * BENCH_RATE a second (default 20 on the dev server, 50 on Temporal server with
 * `BENCH_ENGINE=server`) for BENCH_SECONDS (600) against an API process
 * and BENCH_WORKERS (2) worker processes, the simulator its own process answering after about
 * 50 ms (30 ms + up to 40 ms). A request is sent on schedule whether or not earlier ones have been
 * answered; one unanswered after 30 s counts as a client time-out. Reports each status code,
 * accepted/s, submit latency p50/p95/p99, time to AWAITING_REVIEW p50/p99, the verification
 * backlog over time (CSV and an SVG chart in .data/bench-load/), the CPU each process (API,
 * workers, simulator, Temporal, PostgreSQL, this client) used per accepted submission while
 * sending, and a loss audit: every accepted submission reaches
 * AWAITING_REVIEW exactly once in the timeline, once in the read model and once in visibility.
 * BENCH_FAULTS (`worker,temporal,postgres` or `all`) injects each fault once during the run (item
 * 5); the report then gives each one's dip and recovery, the chart (SVG) marks it, and the audit
 * also covers cases started by requests that were not answered 201. BENCH_WORKER_NICE runs the
 * workers at a lower priority, as a deployment gives the API its own share of the cores.
 * BENCH_PEAK_SLOTS holds each worker to that many slots while sending (verification held back at
 * the peak) and restarts it with the SDK's defaults for the drain; BENCH_PEAK_PAUSED=1 starts the
 * workers only when the sending ends (verification paused at the peak).
 * BENCH_BARE=1 first runs the bare engine at the same rate on the same server (load-bare.ts): the
 * floor under a submission's latency, and the ratios of ours to it. The sending's figures, with
 * the API's own account of each stage of a submission (its /metrics), print as soon as the
 * sending ends; the rest after the drain.
 */
const engine = benchEngineKind();
const rate = Number(process.env.BENCH_RATE ?? (engine === 'server' ? 50 : 20));
const seconds = Number(process.env.BENCH_SECONDS ?? 600);
const workers = Number(process.env.BENCH_WORKERS ?? 2);
const faults = faultKinds();
/** Niceness of the worker processes: the API's share of a small machine (0: none). */
const workerNice = Number(process.env.BENCH_WORKER_NICE ?? 0);
const withBare = process.env.BENCH_BARE === '1';
/**
 * Activity and workflow-task slots of each worker while the requests are sent (0: the SDK's
 * defaults throughout): verification held back at the peak so intake has the cores, lifted for
 * the drain, as docs/configuration.md#worker-tuning describes.
 */
const peakSlots = Number(process.env.BENCH_PEAK_SLOTS ?? 0);
/**
 * No worker while the requests are sent: every case waits at SUBMITTED, its first workflow task
 * queued in Temporal, and the workers start when the sending ends (verification paused at the
 * peak, as a deployment that scales its workers to none for it).
 */
const peakPaused = process.env.BENCH_PEAK_PAUSED === '1';
/** The bare phase's worker processes (0: the engine's starts alone, nothing run). */
const bareWorkers = Number(process.env.BENCH_BARE_WORKERS ?? workers);
const SEED = 20260901;
const ports = { api: 3950, temporal: 7960, simulator: 4950, metrics: 9950 };
const CHECKS = [
  'identity',
  'household',
  'residence-permit',
  'real-estate',
  'social-insurance',
  'household-relation',
  'birth-certificate',
];

async function main(): Promise<void> {
  buildForChildProcesses();
  const dataDir = await mkdtemp(join(tmpdir(), 'gx-load-'));
  const temporal = await startBenchEngine(engine, ports.temporal);
  const database = await freshDatabase('load', 4);
  const { db } = database;
  // Without autovacuum (as this machine kind's PostgreSQL runs) the churned tables bloat over a
  // long run: the figures say which it was.
  const label = `${temporal.label}, PostgreSQL autovacuum ${await autovacuumOf(db)}`;
  const run = { rate, seconds, workers, workerNice, engine, label, faults, peakPaused };
  if (peakPaused && faults.includes('worker'))
    throw new Error('BENCH_PEAK_PAUSED runs no worker while sending: none to kill (BENCH_FAULTS)');

  const total = Math.ceil(rate * seconds);
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: '10',
    API_PORT: String(ports.api),
    TEMPORAL_ADDRESS: temporal.address,
    SIMULATOR_PORT: String(ports.simulator),
    SIMULATOR_SEED: String(SEED),
    SIMULATOR_POPULATION: String(total * 5),
    DATA_SHARING_BASE_URL: `http://127.0.0.1:${ports.simulator}`,
    RATE_LIMIT_SUBMIT: '1000000000',
    RATE_LIMIT_IP_FACTOR: '1',
  };
  const config = loadConfig(env);
  const processes: { name: string; service: ServiceProcess }[] = [];
  const spawnService = async (
    entry: string,
    ready: string,
    extra: Record<string, string> = {},
    nice = 0,
  ) => {
    const service = await spawnServiceProcess(entry, { ...env, ...extra }, ready, { nice });
    processes.push({ name: `${basename(entry, '.ts')}-${processes.length}`, service });
    return service;
  };
  try {
    const requests = await signedRequests(config, { seed: SEED, total, seconds });
    const { activities } = bareShapesOf(JSON.parse(requests[0]!.body));
    const bare = withBare
      ? {
          activities,
          workers: bareWorkers,
          phase: await runBarePhase({
            address: temporal.address,
            rate,
            seconds,
            workers: bareWorkers,
            nice: workerNice,
            activities,
            engineCommands: ENGINE_COMMANDS,
          }),
        }
      : undefined;
    if (bare) process.stdout.write(bareReport(run, bare));
    await spawnService('src/main/simulator.ts', 'data-sharing simulator on');
    for (const check of CHECKS)
      await fetch(`http://127.0.0.1:${ports.simulator}/__admin/faults/${check}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: 30, jitterMs: 40 }),
      });
    let holding = peakSlots > 0 && !peakPaused;
    const startWorker = (i: number) =>
      spawnService(
        'src/main/worker.ts',
        'worker polling',
        { WORKER_METRICS_PORT: String(ports.metrics + i), ...(holding && heldTuning(peakSlots)) },
        workerNice,
      );
    const workerProcesses: ServiceProcess[] = [];
    const startWorkers = async () => {
      for (let i = 0; i < workers; i += 1) workerProcesses.push(await startWorker(i));
    };
    if (!peakPaused) await startWorkers();
    await spawnService('src/main/api.ts', 'API listening');

    const samples: LoadSample[] = [];
    const began = performance.now();
    const beganAt = Date.now();
    const sampler = setInterval(() => {
      const at = Math.round((performance.now() - began) / 1000);
      // A count that fails (PostgreSQL restarting) leaves a gap in the series, not a crash.
      db.application.groupBy({ by: ['status'], _count: { _all: true } }).then(
        (groups) => {
          const n = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
          samples.push({
            at,
            submitted: n('SUBMITTED'),
            verifying: n('VERIFYING'),
            reviewed: n('AWAITING_REVIEW'),
          });
        },
        () => undefined,
      );
    }, 1000);
    const faulting = runFaults(
      faults,
      {
        async killWorker() {
          await workerProcesses[0]!.kill();
          workerProcesses[0] = await startWorker(0);
        },
        ...(temporal.restart && { restartTemporal: temporal.restart }),
        // The sampler's latest count: a count of its own would ask the same twice a second.
        inFlight: () => {
          const last = samples.at(-1);
          return last ? last.submitted + last.verifying : -1;
        },
      },
      { began, seconds },
    );
    // A fault that fails is reported where it is awaited, after the sending; not a crash before.
    faulting.catch(() => undefined);

    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const scrapeBefore = await scrapeApi(apiUrl);
    const cpuBefore = cpuSnapshot();
    const outcomes = await openLoop(began, total, rate, (i) =>
      send(ports.api, requests[i]!.body, requests[i]!.token),
    );
    const sentFor = (performance.now() - began) / 1000;
    const cpu = cpuSince(cpuBefore, serviceNames(processes), ENGINE_COMMANDS);
    const scrapeAfter = await scrapeApi(apiUrl);
    const sending = {
      run,
      outcomes,
      sentFor,
      cpu,
      stages: submissionStages(scrapeAfter),
      runtime: apiRuntime(scrapeBefore, scrapeAfter),
      ...(bare && { bare }),
    };
    process.stdout.write(sendingReport(sending));
    if (holding) {
      // The peak is over: each worker again with the SDK's defaults, one at a time.
      holding = false;
      for (const [i, worker] of workerProcesses.entries()) {
        await worker.stop();
        workerProcesses[i] = await startWorker(i);
      }
      process.stdout.write(
        `  verification held to ${peakSlots} slots a worker while sending; lifted for the drain\n`,
      );
    }
    if (peakPaused) {
      await startWorkers();
      process.stdout.write(
        `  verification paused while sending; ${workers} workers started for the drain\n`,
      );
    }
    const faultRecords = await faulting;
    const accepted = outcomes.filter((o) => o.status === 201);
    await untilAllReviewed(db, accepted.length);
    clearInterval(sampler);
    // Every case the API started, answered 201 or not (a fault may cut the answer, not the case).
    const started = await db.application.findMany({
      select: { applicationNo: true, workflowId: true, submittedAt: true },
    });
    const audit = await lossAudit(db, temporal.address, accepted);
    const acceptedNos = new Set(accepted.map((o) => o.applicationNo));
    const unanswered = started
      .filter((r) => !acceptedNos.has(r.applicationNo))
      .map((r) => ({ ...r, sentAt: r.submittedAt.getTime() }));
    const unansweredAudit = await lossAudit(db, temporal.address, unanswered);

    await writeLoadReport({
      ...sending,
      audit,
      samples,
      faultRecords,
      acceptedAt: accepted.map((o) => (o.sentAt - beganAt) / 1000),
      unanswered: { count: unanswered.length, problems: unansweredAudit.problems },
    });
  } finally {
    for (const { service } of [...processes].reverse()) await service.stop();
    await keepServiceLogs(
      processes.map(({ name, service }) => ({ name, output: service.output() })),
    );
    await database.drop();
    await temporal.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
