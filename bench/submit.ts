import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { signAccessToken } from '../src/auth/jwt';
import { accessTokenSettings, loadConfig } from '../src/config/config';
import { projectRoot } from '../src/config/paths';
import { personKey } from '../src/domain/application-identity';
import { residentIdCheckChar } from '../src/domain/resident-id';
import { formFor } from '../src/testing/forms';

/**
 * `npm run bench:submit`: the whole service (`npm start`'s launcher, real PostgreSQL), then
 * autocannon POSTs distinct valid applications for BENCH_SECONDS (default 60) at BENCH_CONNECTIONS
 * (default 20) and prints submissions/s with latency percentiles. Every request is a new child,
 * so every one starts a workflow.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ports = { api: 3900, temporal: 7900, ui: 8900, simulator: 4900, db: 54900 };

const FIRST_DAY = Date.UTC(2014, 8, 1);
const DAYS = 2190;

/** The n-th of a million distinct valid male ID numbers born 2014-09-01 … 2020-08-30. */
function distinctChild(n: number): { idNumber: string; day: string } {
  const day = new Date(FIRST_DAY + (n % DAYS) * 86_400_000).toISOString().slice(0, 10);
  const sequence = String((Math.floor(n / DAYS) % 500) * 2 + 1).padStart(3, '0');
  const first17 = `450103${day.replaceAll('-', '')}${sequence}`;
  return { idNumber: `${first17}${residentIdCheckChar(first17)}`, day };
}

async function main(): Promise<void> {
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
  };
  const service = spawn(
    process.execPath,
    [join(projectRoot(), 'dist', 'src', 'main', 'all-in-one.js')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  service.stdout.on('data', (c: Buffer) => (log += c.toString()));
  service.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const started = Date.now();
  while (!log.includes('Ready.')) {
    if (service.exitCode !== null) throw new Error(`service exited:\n${log}`);
    if (Date.now() - started > 120_000) throw new Error(`service not ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  const config = loadConfig(env);
  // One account files every case: lift its cap of live cases (policy data) for the benchmark.
  const policy = new Client({ connectionString: dbUrl.toString() });
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
  // The account's real-name person is the guardian the template names.
  const token = await signAccessToken(
    {
      role: 'PARENT',
      sub: 'bench-family',
      guardian: personKey(config.CHILD_KEY_SECRET, template.guardians[0]!.idNumber),
      ttlSeconds: 3600,
    },
    accessTokenSettings(config),
  );
  const result = await autocannon({
    url: `http://127.0.0.1:${ports.api}/applications`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request) => {
          sequence += 1;
          const { idNumber, day } = distinctChild(sequence);
          return {
            ...request,
            body: JSON.stringify({
              ...template,
              child: { ...template.child, idNumber, birthDate: day, gender: 'MALE' },
            }),
          };
        },
      },
    ],
  });

  const benchDb = new Client({ connectionString: dbUrl.toString() });
  await benchDb.connect();
  const byStatus = await benchDb.query<{ status: string; n: string }>(
    'SELECT status, count(*) AS n FROM application GROUP BY status ORDER BY status',
  );
  await benchDb.end();
  service.kill('SIGTERM');
  await new Promise((r) => service.once('exit', r));
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await rm(dataDir, { recursive: true, force: true });

  const ok = result['2xx'];
  process.stdout.write(
    [
      `POST /applications for ${seconds} s, ${connections} connections, ${process.env.BENCH_LABEL ?? 'this machine'}`,
      `  submissions accepted (201): ${ok}  → ${(ok / seconds).toFixed(1)}/s`,
      `  other responses: non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
      `  latency ms: p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
      `  read model right after the run: ${byStatus.rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
