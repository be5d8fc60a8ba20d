import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { signAccessToken } from '../src/auth/jwt';
import { accessTokenSettings, loadConfig, type Config } from '../src/config/config';
import { guardianKeyOf } from '../src/domain/application-identity';
import type { Db } from '../src/db/prisma-client';
import { generateFamilies } from '../src/simulator/families';
import { formForFamily } from '../src/testing/forms';
import { buildForChildProcesses } from '../test/support/build';
import { spawnServiceProcess, type ServiceProcess } from '../test/support/worker-process';
import { cpuSince, cpuSnapshot } from './support/cpu';
import { benchEngineKind, startBenchEngine } from './support/engine';
import type { LoadSample } from './support/load-chart';
import { faultKinds, runFaults } from './support/load-faults';
import { keepServiceLogs, writeLoadReport, type Outcome } from './support/load-report';
import { lossAudit } from './support/loss-audit';
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
 */
const engine = benchEngineKind();
const rate = Number(process.env.BENCH_RATE ?? (engine === 'server' ? 50 : 20));
const seconds = Number(process.env.BENCH_SECONDS ?? 600);
const workers = Number(process.env.BENCH_WORKERS ?? 2);
const faults = faultKinds();
/** Niceness of the worker processes: the API's share of a small machine (0: none). */
const workerNice = Number(process.env.BENCH_WORKER_NICE ?? 0);
const CLIENT_TIMEOUT_MS = 30_000;
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
    await spawnService('src/main/simulator.ts', 'data-sharing simulator on');
    for (const check of CHECKS)
      await fetch(`http://127.0.0.1:${ports.simulator}/__admin/faults/${check}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs: 30, jitterMs: 40 }),
      });
    const startWorker = (i: number) =>
      spawnService(
        'src/main/worker.ts',
        'worker polling',
        { WORKER_METRICS_PORT: String(ports.metrics + i) },
        workerNice,
      );
    const workerProcesses: ServiceProcess[] = [];
    for (let i = 0; i < workers; i += 1) workerProcesses.push(await startWorker(i));
    await spawnService('src/main/api.ts', 'API listening');

    const requests = await signedRequests(config, total);

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

    // Open loop: the i-th request leaves at i / rate seconds, answered or not.
    const cpuBefore = cpuSnapshot();
    const pending: Promise<Outcome>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = began + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(send(requests[i]!.body, requests[i]!.token));
    }
    const outcomes = await Promise.all(pending);
    const sentFor = (performance.now() - began) / 1000;
    const cpu = cpuSince(cpuBefore, serviceNames(processes), ENGINE_COMMANDS);
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
      run: { rate, seconds, workers, workerNice, engine, label: temporal.label, faults },
      outcomes,
      sentFor,
      audit,
      samples,
      faultRecords,
      acceptedAt: accepted.map((o) => (o.sentAt - beganAt) / 1000),
      unanswered: { count: unanswered.length, problems: unansweredAudit.problems },
      cpu,
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

/** The engine's processes by their executables' names (the server's Go binary is `server`). */
const ENGINE_COMMANDS = new Map([
  ['server', 'Temporal server'],
  ['temporal', 'Temporal dev server'],
  ['postgres', 'PostgreSQL'],
]);

/** The bench's own process and each service's, by role (the workers together). */
function serviceNames(
  processes: readonly { name: string; service: ServiceProcess }[],
): Map<number, string> {
  const named = new Map<number, string>([[process.pid, 'bench client']]);
  for (const { name, service } of processes)
    if (service.child.pid) named.set(service.child.pid, name.replace(/-\d+$/, ''));
  return named;
}

/**
 * Waits until every case in the read model, and at least every accepted one, is at
 * AWAITING_REVIEW (a count that fails is asked again), saying how far it is every 30 s. A backlog
 * beyond the workers' rate drains after the sending: the limit is ten minutes and a fifth of a
 * second per accepted case (the slowest drain seen here, 5 cases/s).
 */
async function untilAllReviewed(db: Db, accepted: number): Promise<void> {
  const began = Date.now();
  const deadline = began + 600_000 + accepted * 200;
  let told = began;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const counts = await Promise.all([
      db.application.count(),
      db.application.count({ where: { status: 'AWAITING_REVIEW' } }),
    ]).catch(() => null);
    if (counts && counts[1] >= accepted && counts[1] === counts[0]) return;
    if (counts && Date.now() - told >= 30_000) {
      told = Date.now();
      const waited = ((told - began) / 1000).toFixed(0);
      process.stdout.write(`  draining: ${counts[1]} of ${counts[0]} verified after ${waited} s\n`);
    }
  }
}

/**
 * Families the simulator verifies, each from its own account (one account's lock would queue
 * them all), each form with its guardian's token made beforehand.
 */
async function signedRequests(config: Config, total: number) {
  const families = generateFamilies(SEED, total * 5)
    .filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')
    .slice(0, total);
  if (families.length < total) throw new Error(`only ${families.length} families for ${total}`);
  return Promise.all(
    families.map(async (family, index) => {
      const form = formForFamily(family);
      const token = await signAccessToken(
        {
          role: 'PARENT',
          sub: `bench-family-${index}`,
          guardian: guardianKeyOf(config.GUARDIAN_KEY_SECRET, family.guardians[0]!.idNumber),
          ttlSeconds: 3600 + seconds * 2,
        },
        accessTokenSettings(config),
      );
      return { body: JSON.stringify(form), token };
    }),
  );
}

async function send(body: string, token: string): Promise<Outcome> {
  const sentAt = Date.now();
  const t0 = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${ports.api}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    // Only a 201 is read; a refusal's or a failure's body (which may not be JSON) is drained.
    const json = (
      response.status === 201
        ? await response.json()
        : await response.arrayBuffer().then(() => ({}))
    ) as { applicationNo?: string; workflowId?: string };
    return {
      status: response.status,
      ms: performance.now() - t0,
      sentAt,
      ...(response.status === 201 && {
        applicationNo: json.applicationNo,
        workflowId: json.workflowId,
      }),
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { status: timedOut ? 'timeout' : 'error', ms: performance.now() - t0, sentAt };
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
