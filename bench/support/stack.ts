import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { WorkflowIdReusePolicy, type DataConverter } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  type Worker,
} from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { loadConfig, type Config } from '../../src/config/config';
import { mapLimit } from '../../src/case-runs/map-limit';
import { migrationsDir } from '../../src/config/paths';
import { migrate } from '../../src/db/migrator';
import { createDb, type Db } from '../../src/db/prisma-client';
import { seedDemoData } from '../../src/db/seed-demo-data';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { childKey, enrolmentWorkflowId } from '../../src/domain/application-identity';
import { formatApplicationNo } from '../../src/domain/application-number';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { maskResidentId } from '../../src/domain/resident-id';
import type { Family } from '../../src/simulator/family-records';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server';
import { FAILURE_CONVERTER_PATH, temporalDataConverter } from '../../src/temporal/data-converter';
import { caseWorkflowsBundle } from '../../src/worker/shared-workflow-modules';
import { createActivityDependencies } from '../../src/worker/activity-dependencies';
import { ApplicationRepository } from '../../src/db/application-repository';
import { FailingActivityRepository } from '../../src/db/failing-activity-repository';
import { columnSealerOf } from '../../src/encryption/sealer';
import { createEnrolmentWorker } from '../../src/worker/create-worker';
import { workerTuningOf } from '../../src/worker/tuning';
import {
  type EnrolmentApplicationInput,
  type EnrolmentSettings,
  initialSearchAttributes,
  submissionEntry,
} from '../../src/contract';
import { formForFamily } from '../../src/testing/forms';
import { metered } from './codec-meter';
import { benchEngineKind, startBenchEngine } from './engine';

const APP_SECRET = 'bench-secret-0123456789';

/** Application workflows and their worker over one data converter, on a task queue of their own. */
export interface CaseRunner {
  readonly client: Client;
  /**
   * Starts one application workflow per family, as the API would (Form A, checked schema), at most
   * `concurrency` starts in flight (the dev server refuses thousands at once); answers their numbers.
   */
  startCases(
    families: readonly Family[],
    settings: EnrolmentSettings,
    concurrency?: number,
  ): Promise<string[]>;
  startWorker(): Promise<{ worker: Worker; running: Promise<void> }>;
}

/** A stack's cases run with the payload codec, as every real process does. */
export interface BenchStack extends CaseRunner {
  readonly config: Config;
  readonly db: Db;
  readonly simulator: RunningSimulator;
  readonly connection: NativeConnection;
  /** Which Temporal the run is on (BENCH_ENGINE), for the report. */
  readonly engineLabel: string;
  /** The same without the payload codec, only to measure what the codec costs (issue 12). */
  withoutPayloadCodec(): Promise<CaseRunner>;
  /** The same with every workflow evaluating the pure modules again (no `preloadModules`). */
  withModulesUnshared(): Promise<CaseRunner>;
  close(): Promise<void>;
}

/** What the runners share: the engine, the database with its reference data, the simulator. */
interface Infrastructure {
  readonly config: Config;
  readonly db: Db;
  readonly simulator: RunningSimulator;
  readonly connection: NativeConnection;
  readonly temporalAddress: string;
  readonly engineLabel: string;
  close(): Promise<void>;
}

/** A database of its own for one benchmark run, migrated and seeded (reference and demo data). */
export async function freshDatabase(name: string, poolMax = 20) {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `gx_bench_${name}_${Date.now()}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  await migrate(dbUrl.toString(), migrationsDir());
  const db = createDb({ url: dbUrl.toString(), poolMax });
  await seedReferenceData(db);
  await seedDemoData(db);
  return {
    url: dbUrl.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

/**
 * One statement on a connection of its own: none is held through the run, so a benchmark that
 * restarts PostgreSQL (bench:load's faults) cuts no idle client without an error listener.
 */
async function asAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function startInfrastructure(options: {
  readonly name: string;
  readonly temporalPort: number;
  readonly population: number;
}): Promise<Infrastructure> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const temporal = await startBenchEngine(benchEngineKind(), options.temporalPort);
  const database = await freshDatabase(options.name);
  const simulator = await startSimulator({
    port: 0,
    appKey: 'bench',
    appSecret: APP_SECRET,
    seed: 11,
    populationSize: options.population,
    callbackSecret: 'bench-callback-secret',
  });
  const config = loadConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
    DATA_SHARING_BASE_URL: simulator.url,
    DATA_SHARING_APP_KEY: 'bench',
    DATA_SHARING_APP_SECRET: APP_SECRET,
    PLATFORM_CALLBACK_SECRET: 'bench-callback-secret',
    // The worker's tuning, from the bench's own environment, to compare settings.
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WORKER_'))),
  });
  const connection = await NativeConnection.connect({ address: temporal.address });
  return {
    config,
    db: database.db,
    simulator,
    connection,
    temporalAddress: temporal.address,
    engineLabel: temporal.label,
    async close() {
      await connection.close();
      await simulator.close();
      await database.drop();
      await temporal.stop();
    },
  };
}

/** The service's converter with each codec timed (codec-meter.ts). */
function meteredConverter(converter: DataConverter): DataConverter {
  return { ...converter, payloadCodecs: converter.payloadCodecs?.map(metered) };
}

/** How a runner's cases run: with the payload codec, with the pure modules shared. */
interface RunnerShape {
  readonly encrypt: boolean;
  readonly shareModules: boolean;
}

async function caseRunner(
  infra: Infrastructure,
  { encrypt, shareModules }: RunnerShape,
  taskQueue: string,
): Promise<CaseRunner> {
  const { config, db, connection } = infra;
  const dataConverter = encrypt ? meteredConverter(temporalDataConverter(config)) : {};
  const client = new Client({
    connection: await Connection.connect({ address: infra.temporalAddress }),
    dataConverter,
  });
  const applications = new ApplicationRepository(db, columnSealerOf(config));
  const workflowBundle = await bundleWorkflowCode({
    ...caseWorkflowsBundle(),
    ...(encrypt && { failureConverterPath: FAILURE_CONVERTER_PATH }),
    ...(!shareModules && { preloadModules: [] }),
    logger: new DefaultLogger('ERROR'),
  });
  return {
    client,
    startCases: (families, settings, concurrency = families.length) =>
      mapLimit(families, concurrency, (family) =>
        startCase(client, applications, taskQueue, family, settings),
      ),
    async startWorker() {
      const worker = await createEnrolmentWorker({
        connection,
        namespace: 'default',
        taskQueue,
        dependencies: createActivityDependencies(config, db, client),
        failingActivities: new FailingActivityRepository(db),
        workflowBundle,
        dataConverter,
        tuning: workerTuningOf(config),
      });
      return { worker, running: worker.run() };
    },
  };
}

/** Application numbers of the bench's cases, one counter across runners so they never collide. */
let nextApplication = 0;

async function startCase(
  client: Client,
  applications: ApplicationRepository,
  taskQueue: string,
  family: Family,
  settings: EnrolmentSettings,
): Promise<string> {
  const form = applicationFormSchema.parse(formForFamily(family));
  const key = childKey('bench', form.child.idNumber);
  const input: EnrolmentApplicationInput = {
    applicationNo: formatApplicationNo(form.seasonYear, form.countyCode, ++nextApplication),
    form,
    childKey: key,
    childIdMasked: maskResidentId(form.child.idNumber),
    ownerSub: 'bench',
    submittedBy: 'bench',
    registrationPointId: null,
    submittedAt: new Date().toISOString(),
    settings,
  };
  const workflowId = enrolmentWorkflowId(form.seasonYear, form.stage, key);
  const { firstExecutionRunId: runId } = await client.workflow.start('enrolmentApplication', {
    workflowId,
    taskQueue,
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    typedSearchAttributes: initialSearchAttributes(form),
  });
  // As the API does on submission: the case's row and first entry, so the workflow's copy is one
  // statement, as in production.
  await applications.recordSubmission(input, { workflowId, runId }, submissionEntry(input));
  return input.applicationNo;
}

/**
 * What every bench runs on: its own Temporal (the dev server, or with BENCH_ENGINE=server Temporal
 * server on PostgreSQL), a fresh PostgreSQL database with the
 * reference data, and the department simulator; figures then compare runs on one machine.
 */
export async function startBenchStack(options: {
  readonly name: string;
  readonly temporalPort: number;
  readonly population: number;
}): Promise<BenchStack> {
  const infra = await startInfrastructure(options);
  const queue = infra.config.TEMPORAL_TASK_QUEUE;
  const encrypted = await caseRunner(infra, { encrypt: true, shareModules: true }, queue);
  const others: CaseRunner[] = [];
  const other = async (shape: RunnerShape, suffix: string) => {
    const runner = await caseRunner(infra, shape, `${queue}-${suffix}`);
    others.push(runner);
    return runner;
  };
  return {
    ...encrypted,
    config: infra.config,
    db: infra.db,
    simulator: infra.simulator,
    connection: infra.connection,
    engineLabel: infra.engineLabel,
    withoutPayloadCodec: () => other({ encrypt: false, shareModules: true }, 'plain'),
    withModulesUnshared: () => other({ encrypt: true, shareModules: false }, 'unshared'),
    async close() {
      for (const runner of [encrypted, ...others]) await runner.client.connection.close();
      await infra.close();
    },
  };
}
