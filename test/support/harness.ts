import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  type Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createApiApp } from '../../src/api/create-app';
import { loadConfig, type Config } from '../../src/config/config';
import { generateFamilies } from '../../src/simulator/families';
import type { Family } from '../../src/simulator/family-records';
import type { TestChild } from '../../src/testing/forms';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server';
import { createActivityDependencies } from '../../src/worker/activity-dependencies';
import { FailingActivityRepository } from '../../src/db/failing-activity-repository';
import { FAILURE_CONVERTER_PATH, temporalDataConverter } from '../../src/temporal/data-converter';
import { caseWorkflowsBundle } from '../../src/worker/shared-workflow-modules';
import { createEnrolmentWorker } from '../../src/worker/create-worker';
import { seedDemoData } from '../../src/db/seed-demo-data';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { IntakeRepository } from '../../src/db/intake-repository';
import { tokens } from './auth';
import { createMigratedDatabase, type MigratedDatabase } from './database';
import { scaled } from './time-scale';

/**
 * The whole service inside one test file, on real infrastructure: the shared Temporal dev server,
 * a fresh PostgreSQL database, the simulator over HTTP, a worker on a task queue of its own, and
 * the Nest API listening on a local port.
 */
export const APP_KEY = 'test-app';
export const APP_SECRET = 'test-secret-0123456789';
export const CALLBACK_SECRET = 'test-callback-secret-0123';
const SIMULATOR_SEED = 7;
export const TEST_LIVE_CASES_PER_ACCOUNT = 10_000;
const POPULATION = 500;

/** Families the harness's simulator knows; take a different one per test. */
export const registryFamilies: readonly Family[] = generateFamilies(SIMULATOR_SEED, POPULATION);
/** Their children, with their guardians (whom `formFor` names), for tests that need a child. */
export const registryPeople: readonly TestChild[] = registryFamilies.map((f) => ({
  ...f.child,
  guardians: f.guardians,
}));

// Workers in tests log warnings and errors only; the harness stops them itself.
Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });

export function temporalAddress(): string {
  const address = process.env.TEST_TEMPORAL_ADDRESS;
  if (!address)
    throw new Error(
      'TEST_TEMPORAL_ADDRESS is not set: run through the integration project (global setup)',
    );
  return address;
}

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    ...caseWorkflowsBundle(),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quietBundlerLogger,
  });
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
};

export interface HarnessOptions {
  readonly workflowBundle: WorkflowBundleWithSourceMap;
  /** Start no in-process worker (a test that runs workers as separate processes). */
  readonly withoutWorker?: boolean;
  readonly env?: Record<string, string>;
}

export interface Harness {
  readonly config: Config;
  readonly database: MigratedDatabase;
  readonly simulator: RunningSimulator;
  readonly api: NestExpressApplication;
  readonly apiUrl: string;
  readonly temporal: Client;
  readonly taskQueue: string;
  /** Bearer tokens for each role, signed for this harness. */
  readonly auth: ReturnType<typeof tokens>;
  worker?: { worker: Worker; running: Promise<void>; connection: NativeConnection };
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const taskQueue = `test-${randomUUID()}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'gx-harness-'));
  const database = await createMigratedDatabase();
  await seedReferenceData(database.db);
  await seedDemoData(database.db);
  // Tests file dozens of cases from one account; the per-account cap has its own test, which
  // puts the policy back to its default.
  await new IntakeRepository(database.db).setLiveCasesPerAccount(TEST_LIVE_CASES_PER_ACCOUNT);
  const simulator = await startSimulator({
    port: 0,
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    seed: SIMULATOR_SEED,
    populationSize: POPULATION,
    callbackSecret: CALLBACK_SECRET,
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporalAddress(),
    TEMPORAL_TASK_QUEUE: taskQueue,
    DATA_SHARING_BASE_URL: simulator.url,
    DATA_SHARING_APP_KEY: APP_KEY,
    DATA_SHARING_APP_SECRET: APP_SECRET,
    // Short, so that a test of a time-out does not wait long; scaled, so that a loaded machine's
    // slow answer is not taken for one.
    DATA_SHARING_TIMEOUT_MS: String(scaled(2000)),
    PLATFORM_CALLBACK_SECRET: CALLBACK_SECRET,
    // A key of its own per harness gives every test file its own workflow ids for the same child.
    CHILD_KEY_SECRET: `test-${randomUUID()}`,
    // Another key than the child's, as in production: a guardian keyed with the wrong one fails.
    GUARDIAN_KEY_SECRET: `test-guardian-${randomUUID()}`,
    ...options.env,
  });
  const temporal = new Client({
    connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS }),
    dataConverter: temporalDataConverter(config),
  });
  const api = await createApiApp({
    config,
    temporal,
    db: database.db,
  });
  await api.listen(0, '127.0.0.1');
  const apiUrl = await api.getUrl();

  const harness: Harness = {
    config,
    database,
    simulator,
    api,
    apiUrl: apiUrl.replace('[::1]', '127.0.0.1'),
    temporal,
    taskQueue,
    auth: tokens(config),
    async startWorker() {
      const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
      const worker = await createEnrolmentWorker({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue,
        workflowBundle: options.workflowBundle,
        dependencies: createActivityDependencies(config, database.db, temporal),
        failingActivities: new FailingActivityRepository(database.db),
        dataConverter: temporalDataConverter(config),
      });
      harness.worker = { worker, running: worker.run(), connection };
    },
    async stopWorker() {
      const running = harness.worker;
      if (!running) return;
      harness.worker = undefined;
      running.worker.shutdown();
      await running.running;
      await running.connection.close();
    },
    async close() {
      await api.close();
      await harness.stopWorker();
      await temporal.connection.close();
      await simulator.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  if (!options.withoutWorker) await harness.startWorker();
  return harness;
}

/** The environment of a worker process (src/main/worker.ts) that joins this harness. */
export function workerProcessEnv(harness: Harness): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATA_DIR: harness.config.DATA_DIR,
    DATABASE_URL: harness.database.url,
    TEMPORAL_ADDRESS: harness.config.TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: harness.taskQueue,
    DATA_SHARING_BASE_URL: harness.simulator.url,
    DATA_SHARING_APP_KEY: APP_KEY,
    DATA_SHARING_APP_SECRET: APP_SECRET,
    DATA_SHARING_TIMEOUT_MS: String(harness.config.DATA_SHARING_TIMEOUT_MS),
    PLATFORM_CALLBACK_SECRET: CALLBACK_SECRET,
  };
}
