import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
} from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { loadConfig } from '../src/config/config';
import { migrationsDir } from '../src/config/paths';
import { migrate } from '../src/db/migrator';
import { createDb } from '../src/db/prisma-client';
import { seedReferenceData } from '../src/db/seed-reference-data';
import { childKey, enrolmentWorkflowId } from '../src/domain/application-identity';
import { formatApplicationNo } from '../src/domain/application-number';
import { applicationFormSchema } from '../src/domain/forms/application-form';
import { maskResidentId } from '../src/domain/resident-id';
import { generateFamilies } from '../src/simulator/families';
import { startSimulator } from '../src/simulator/server';
import { ensureTemporalCli } from '../src/temporal/cli';
import { startDevServer } from '../src/temporal/dev-server';
import { createActivityDependencies } from '../src/worker/activity-dependencies';
import { createEnrolmentWorker } from '../src/worker/create-worker';
import type { EnrolmentApplicationInput } from '../src/workflows/messages';
import { formForFamily } from '../test/support/forms';

/**
 * `npm run bench:verify`: BENCH_CASES (default 300) applications of families with a home (Form A,
 * three department checks each, every call delayed 20 ms by the simulator) started at once
 * against a Temporal dev server; cases/s reaching AWAITING_REVIEW and p50/p95 time-to-verified.
 * Then, on the same server, as many bare workflows running the same number of no-op activities.
 */
const cases = Number(process.env.BENCH_CASES ?? 300);
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** Activities one such case runs: 3 transitions recorded, 3 checks, 3 results stored, 1 assessment, 3 notices. */
const ACTIVITIES_PER_CASE = 13;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const temporal = await startDevServer({
    cliPath: await ensureTemporalCli(),
    port: 7950,
    namespace: 'default',
  });
  const dbName = `gx_bench_verify_${Date.now()}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  await migrate(dbUrl.toString(), migrationsDir());
  const db = createDb({ url: dbUrl.toString(), poolMax: 20 });
  await seedReferenceData(db);

  const simulator = await startSimulator({
    port: 0,
    appKey: 'bench',
    appSecret: 'bench-secret-0123456789',
    seed: 11,
    populationSize: cases * 5,
    callbackSecret: 'bench-callback-secret',
  });
  for (const endpoint of ['identity', 'household', 'real-estate', 'platform-callback'])
    simulator.faults.set(endpoint, { latencyMs });
  const config = loadConfig({
    DATABASE_URL: dbUrl.toString(),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
    DATA_SHARING_BASE_URL: simulator.url,
    DATA_SHARING_APP_KEY: 'bench',
    DATA_SHARING_APP_SECRET: 'bench-secret-0123456789',
    PLATFORM_CALLBACK_SECRET: 'bench-callback-secret',
  });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const worker = await createEnrolmentWorker({
    connection,
    namespace: 'default',
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies: createActivityDependencies(
      config,
      db,
      new Client({ connection: await Connection.connect({ address: temporal.address }) }),
    ),
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../src/workflows'),
      logger: new DefaultLogger('ERROR'),
    }),
  });
  const running = worker.run();
  const client = new Client({
    connection: await Connection.connect({ address: temporal.address }),
  });

  const families = generateFamilies(11, cases * 5)
    .filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')
    .slice(0, cases);
  const started = Date.now();
  await Promise.all(
    families.map(async (family, i) => {
      const form = applicationFormSchema.parse(formForFamily(family));
      const key = childKey('bench', form.child.idNumber);
      const input: EnrolmentApplicationInput = {
        applicationNo: formatApplicationNo(form.seasonYear, form.countyCode, i + 1),
        form,
        childKey: key,
        childIdMasked: maskResidentId(form.child.idNumber),
        ownerSub: 'bench',
        submittedBy: 'bench',
        registrationPointId: null,
        submittedAt: new Date().toISOString(),
        settings: {
          verificationAttemptTimeoutMs: 15_000,
          verificationRetryBudgetMs: 600_000,
          reviewSlaMs: 86_400_000,
        },
      };
      await client.workflow.start('enrolmentApplication', {
        workflowId: enrolmentWorkflowId(form.seasonYear, form.stage, key),
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      });
    }),
  );
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

  await client.connection.close();
  await connection.close();
  await simulator.close();
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await temporal.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
