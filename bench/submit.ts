import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { signAccessToken } from '../src/auth/jwt';
import { accessTokenSettings, loadConfig } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import { guardianKeyOf } from '../src/domain/application-identity';
import { residentIdCheckChar } from '../src/domain/resident-id';
import { formFor } from '../src/testing/forms';
import { treeCpuSeconds } from './support/cpu';

/**
 * `npm run bench:submit`: the whole service (`npm start`'s launcher, real PostgreSQL), then
 * autocannon POSTs distinct valid applications for BENCH_SECONDS (default 30) at BENCH_CONNECTIONS
 * (default 20) and prints submissions/s with latency percentiles. Every request is a new child,
 * so every one starts a workflow. Four times, each on a fresh service, database and Temporal: with
 * the payload codec and without it (issue 12: the codec may cost at most 5 %), interleaved (on,
 * off, off, on) so that neither side gets the quieter machine; the sides side by side.
 * BENCH_COMPARE=rate-limits compares the API's rate limits on and off instead (issue 13: at most
 * 5 %), the codec on throughout; "on" has a submit limit the bench cannot reach, so the figures
 * show what the counting costs, never a refusal. Beside the rates, the CPU the service's processes
 * (API, worker, Temporal) spent per accepted submission during the run: on a busy machine the
 * rate measures the neighbours too, the CPU per submission much less so.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const compared = process.env.BENCH_COMPARE === 'rate-limits' ? 'rate limits' : 'codec';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ports = { api: 3900, temporal: 7900, ui: 8900, simulator: 4900, db: 54900 };
const WITHOUT_CODEC = join(projectRoot(), 'bench', 'support', 'without-payload-codec.cjs');

/**
 * The accounts the requests take in turn: far more than the connections, so no two requests in
 * flight queue on one account's live-case lock, as one account filing every case did.
 */
const ACCOUNTS = 1000;

const FIRST_DAY = Date.UTC(2014, 8, 1);
const DAYS = 2190;

/** The n-th of a million distinct valid male ID numbers born 2014-09-01 … 2020-08-30. */
function distinctChild(n: number): { idNumber: string; day: string } {
  const day = new Date(FIRST_DAY + (n % DAYS) * 86_400_000).toISOString().slice(0, 10);
  const sequence = String((Math.floor(n / DAYS) % 500) * 2 + 1).padStart(3, '0');
  const first17 = `450103${day.replaceAll('-', '')}${sequence}`;
  return { idNumber: `${first17}${residentIdCheckChar(first17)}`, day };
}

interface RunningService {
  readonly pid: number;
  readonly env: NodeJS.ProcessEnv;
  readonly dbUrl: string;
  stop(): Promise<void>;
}

async function waitUntilReady(service: ChildProcess): Promise<void> {
  let log = '';
  service.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  service.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const started = Date.now();
  while (!log.includes('Ready.')) {
    if (service.exitCode !== null) throw new Error(`service exited:\n${log}`);
    if (Date.now() - started > 120_000) throw new Error(`service not ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A fresh service: its own data folder (Temporal's SQLite), database and processes. */
async function startService(codec: boolean, rateLimits: boolean): Promise<RunningService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gx-bench-'));
  const dbName = `gx_bench_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_MAX: '20',
    API_PORT: String(ports.api),
    TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
    TEMPORAL_UI_PORT: String(ports.ui),
    SIMULATOR_PORT: String(ports.simulator),
    DATA_SHARING_BASE_URL: `http://127.0.0.1:${ports.simulator}`,
    RATE_LIMITS: rateLimits ? 'on' : 'off',
    RATE_LIMIT_SUBMIT: '1000000000',
  };
  const service = spawn(
    process.execPath,
    [
      ...(codec ? [] : ['-r', WITHOUT_CODEC]),
      join(projectRoot(), 'dist', 'src', 'main', 'all-in-one.js'),
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitUntilReady(service);
  return {
    pid: service.pid!,
    env,
    dbUrl: dbUrl.toString(),
    async stop() {
      service.kill('SIGTERM');
      await new Promise((r) => service.once('exit', r));
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs a new child's Form A on every request for `seconds`. */
async function submitFor(service: RunningService): Promise<autocannon.Result> {
  // An account of the pool files a case every ACCOUNTS requests: lift the cap of live cases
  // (policy data) for the benchmark.
  const policy = new Client({ connectionString: service.dbUrl });
  await policy.connect();
  await policy.query(
    `INSERT INTO intake_policy (scope, max_live_cases_per_account) VALUES ('GUANGXI', 1000000000)`,
  );
  await policy.end();
  let sequence = 0;
  const template = formFor({
    idNumber: '',
    name: '李小明',
    gender: 'MALE',
    birthDate: '2019-01-01',
    divisionCode: '450103',
    alive: true,
  });
  const config = loadConfig(service.env);
  // Each account's real-name person is the guardian the template names.
  const guardian = guardianKeyOf(config.GUARDIAN_KEY_SECRET, template.guardians[0]!.idNumber);
  const tokens = await Promise.all(
    Array.from({ length: ACCOUNTS }, (_, i) =>
      signAccessToken(
        { role: 'PARENT', sub: `bench-family-${i}`, guardian, ttlSeconds: 3600 },
        accessTokenSettings(config),
      ),
    ),
  );
  return autocannon({
    url: `http://127.0.0.1:${ports.api}/applications`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          sequence += 1;
          const { idNumber, day } = distinctChild(sequence);
          return {
            ...request,
            headers: {
              ...request.headers,
              authorization: `Bearer ${tokens[sequence % ACCOUNTS]!}`,
            },
            body: JSON.stringify({
              ...template,
              child: { ...template.child, idNumber, birthDate: day, gender: 'MALE' },
            }),
          };
        },
      },
    ],
  });
}

async function statusCounts(dbUrl: string): Promise<string> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  const byStatus = await db.query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM application GROUP BY status ORDER BY status',
  );
  await db.end();
  return byStatus.rows.map((r) => `${r.status} ${r.n}`).join(', ');
}

/** How a started workflow's input reached Temporal: proof of which side of the comparison ran. */
async function inputEncoding(): Promise<string> {
  const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
  try {
    const service = connection.workflowService;
    const { executions } = await service.listWorkflowExecutions({
      namespace: 'default',
      pageSize: 1,
    });
    const execution = executions[0]?.execution;
    if (!execution) return 'no workflow';
    const { history } = await service.getWorkflowExecutionHistory({
      namespace: 'default',
      execution,
    });
    const payload =
      history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    const encoding = payload?.metadata?.encoding;
    return encoding ? Buffer.from(encoding).toString('utf8') : 'none';
  } finally {
    await connection.close();
  }
}

interface Side {
  readonly result: autocannon.Result;
  readonly cpuSeconds: number;
  readonly statuses: string;
  readonly encoding: string;
}

async function measure(on: boolean): Promise<Side> {
  const service = await startService(compared !== 'codec' || on, compared !== 'rate limits' || on);
  try {
    const cpuBefore = treeCpuSeconds(service.pid);
    const result = await submitFor(service);
    const cpuSeconds = treeCpuSeconds(service.pid) - cpuBefore;
    return {
      result,
      cpuSeconds,
      statuses: await statusCounts(service.dbUrl),
      encoding: await inputEncoding(),
    };
  } finally {
    await service.stop();
  }
}

const rate = (runs: readonly Side[]) =>
  runs.reduce((n, r) => n + r.result['2xx'], 0) / (runs.length * seconds);
const mean = (runs: readonly Side[], of: (r: Side) => number) =>
  runs.reduce((n, r) => n + of(r), 0) / runs.length;
/** CPU ms the service spent per accepted submission, over all the side's runs. */
const cpuMs = (runs: readonly Side[]) =>
  (runs.reduce((n, r) => n + r.cpuSeconds, 0) * 1000) /
  runs.reduce((n, r) => n + r.result['2xx'], 0);

function runLine(name: string, s: Side): string {
  const { result } = s;
  return [
    `  ${name}: accepted (201) ${result['2xx']} → ${rate([s]).toFixed(1)}/s; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; workflow input ${s.encoding}; CPU ${cpuMs([s]).toFixed(1)} ms/submission`,
    `    latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}; read model after: ${s.statuses}`,
  ].join('\n');
}

function report(runs: readonly { on: boolean; side: Side }[]): string {
  const on = runs.filter((r) => r.on).map((r) => r.side);
  const off = runs.filter((r) => !r.on).map((r) => r.side);
  const p50 = (r: Side) => r.result.latency.p50;
  const p99 = (r: Side) => r.result.latency.p99;
  return [
    `POST /applications for ${seconds} s a run, ${connections} connections, ${process.env.BENCH_LABEL ?? 'this machine'}`,
    ...runs.map((r, i) => runLine(`run ${i + 1}, ${compared} ${r.on ? 'on ' : 'off'}`, r.side)),
    `  ${compared} on : ${rate(on).toFixed(1)}/s, mean p50 ${mean(on, p50).toFixed(0)} ms, mean p99 ${mean(on, p99).toFixed(0)} ms, CPU ${cpuMs(on).toFixed(1)} ms/submission`,
    `  ${compared} off: ${rate(off).toFixed(1)}/s, mean p50 ${mean(off, p50).toFixed(0)} ms, mean p99 ${mean(off, p99).toFixed(0)} ms, CPU ${cpuMs(off).toFixed(1)} ms/submission`,
    `  ratio ${compared} on / off: submissions/s ${(rate(on) / rate(off)).toFixed(2)}, p50 latency ${(mean(on, p50) / mean(off, p50)).toFixed(2)}, p99 latency ${(mean(on, p99) / mean(off, p99)).toFixed(2)}; CPU per submission off / on ${(cpuMs(off) / cpuMs(on)).toFixed(2)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const runs: { on: boolean; side: Side }[] = [];
  for (const on of [true, false, false, true]) runs.push({ on, side: await measure(on) });
  process.stdout.write(`${report(runs)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
