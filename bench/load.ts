import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signAccessToken } from '../src/auth/jwt';
import { accessTokenSettings, loadConfig, type Config } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import { guardianKeyOf } from '../src/domain/application-identity';
import { generateFamilies } from '../src/simulator/families';
import { formForFamily } from '../src/testing/forms';
import { buildForChildProcesses } from '../test/support/build';
import { spawnServiceProcess, type ServiceProcess } from '../test/support/worker-process';
import { benchEngineKind, startBenchEngine } from './support/engine';
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
 * backlog over time (CSV in .data/bench-load/) and a loss audit: every accepted submission reaches
 * AWAITING_REVIEW exactly once in the timeline, once in the read model and once in visibility.
 */
const engine = benchEngineKind();
const rate = Number(process.env.BENCH_RATE ?? (engine === 'server' ? 50 : 20));
const seconds = Number(process.env.BENCH_SECONDS ?? 600);
const workers = Number(process.env.BENCH_WORKERS ?? 2);
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

interface Outcome {
  readonly status: number | 'timeout' | 'error';
  readonly ms: number;
  readonly sentAt: number;
  readonly applicationNo?: string;
  readonly workflowId?: string;
}

const percentile = (values: readonly number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main(): Promise<void> {
  buildForChildProcesses();
  const dataDir = await mkdtemp(join(tmpdir(), 'gx-load-'));
  const temporal = await startBenchEngine(engine, ports.temporal);
  const database = await freshDatabase('load', 4);
  const { db } = database;
  // One account files every case: lift its cap of live cases (policy data) for the benchmark.
  await db.intakePolicy.create({ data: { scope: 'GUANGXI', maxLiveCasesPerAccount: 1e9 } });

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
  const processes: ServiceProcess[] = [];
  const spawnService = async (entry: string, ready: string, extra: Record<string, string> = {}) => {
    const service = await spawnServiceProcess(entry, { ...env, ...extra }, ready);
    processes.push(service);
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
    for (let i = 0; i < workers; i += 1)
      await spawnService('src/main/worker.ts', 'worker polling', {
        WORKER_METRICS_PORT: String(ports.metrics + i),
      });
    await spawnService('src/main/api.ts', 'API listening');

    const requests = await signedRequests(config, total);

    const backlog: string[] = ['seconds,submitted,verifying,awaiting_review'];
    const began = performance.now();
    const sampler = setInterval(() => {
      void db.application.groupBy({ by: ['status'], _count: { _all: true } }).then((groups) => {
        const n = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
        const at = ((performance.now() - began) / 1000).toFixed(0);
        backlog.push(`${at},${n('SUBMITTED')},${n('VERIFYING')},${n('AWAITING_REVIEW')}`);
      });
    }, 1000);

    // Open loop: the i-th request leaves at i / rate seconds, answered or not.
    const pending: Promise<Outcome>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = began + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(send(requests[i]!.body, requests[i]!.token));
    }
    const outcomes = await Promise.all(pending);
    const sentFor = (performance.now() - began) / 1000;
    const accepted = outcomes.filter((o) => o.status === 201);

    const deadline = Date.now() + 600_000;
    let done = 0;
    while (done < accepted.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      done = await db.application.count({ where: { status: 'AWAITING_REVIEW' } });
    }
    clearInterval(sampler);
    const audit = await lossAudit(db, temporal.address, accepted);

    const outDir = join(projectRoot(), '.data', 'bench-load');
    await mkdir(outDir, { recursive: true });
    const csv = join(outDir, `backlog-${engine}-${rate}per-s-${seconds}s.csv`);
    await writeFile(csv, `${backlog.join('\n')}\n`);

    report({ outcomes, accepted, sentFor, audit, backlog, csv, engine: temporal.label });
  } finally {
    for (const p of processes.reverse()) await p.stop();
    await database.drop();
    await temporal.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Families the simulator knows and verifies, each form with its guardian's token made beforehand. */
async function signedRequests(config: Config, total: number) {
  const families = generateFamilies(SEED, total * 5)
    .filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')
    .slice(0, total);
  if (families.length < total) throw new Error(`only ${families.length} families for ${total}`);
  return Promise.all(
    families.map(async (family) => {
      const form = formForFamily(family);
      const token = await signAccessToken(
        {
          role: 'PARENT',
          sub: 'bench-load',
          guardian: guardianKeyOf(config.GUARDIAN_KEY_SECRET, family.guardians[0]!.idNumber),
          ttlSeconds: 3600 + seconds * 2,
        },
        accessTokenSettings(config),
      );
      return { body: JSON.stringify(form), token };
    }),
  );
}

/** The figures, on standard output. */
function report(run: {
  outcomes: readonly Outcome[];
  accepted: readonly Outcome[];
  sentFor: number;
  audit: Awaited<ReturnType<typeof lossAudit>>;
  backlog: readonly string[];
  csv: string;
  engine: string;
}): void {
  const { outcomes, accepted, sentFor, audit, backlog, csv, engine } = run;
  const total = outcomes.length;
  const codes = new Map<string, number>();
  for (const o of outcomes) codes.set(String(o.status), (codes.get(String(o.status)) ?? 0) + 1);
  const latency = accepted.map((o) => o.ms);
  process.stdout.write(
    [
      `open loop ${rate}/s for ${seconds} s (${total} sent in ${sentFor.toFixed(0)} s), API, ${workers} workers and simulator (~50 ms) as separate processes, ${engine}`,
      `  status codes: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; accepted ${(accepted.length / seconds).toFixed(1)}/s`,
      `  submit latency (accepted) ms: p50 ${percentile(latency, 50).toFixed(0)}  p95 ${percentile(latency, 95).toFixed(0)}  p99 ${percentile(latency, 99).toFixed(0)}  max ${Math.max(...latency).toFixed(0)}`,
      `  time to AWAITING_REVIEW ms: p50 ${percentile(audit.toReview, 50).toFixed(0)}  p99 ${percentile(audit.toReview, 99).toFixed(0)}; peak backlog (SUBMITTED+VERIFYING) ${peakBacklog(backlog)}; CSV ${csv}`,
      `  loss audit of ${accepted.length} accepted: ${audit.problems.length === 0 ? 'passed' : `FAILED (${audit.problems.length}): ${audit.problems.slice(0, 5).join('; ')}`}`,
    ].join('\n') + '\n',
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
    const json = (await response.json()) as { applicationNo?: string; workflowId?: string };
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

function peakBacklog(rows: readonly string[]): number {
  return Math.max(
    0,
    ...rows.slice(1).map((r) => {
      const [, submitted, verifying] = r.split(',').map(Number);
      return submitted! + verifying!;
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
