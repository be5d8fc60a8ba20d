import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  type Worker,
} from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { loadConfig, type Config } from '../../src/config/config';
import { migrationsDir } from '../../src/config/paths';
import { migrate } from '../../src/db/migrator';
import { createDb, type Db } from '../../src/db/prisma-client';
import { seedDemoData } from '../../src/db/seed-demo-data';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { personKey, enrolmentWorkflowId } from '../../src/domain/application-identity';
import { formatApplicationNo } from '../../src/domain/application-number';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { maskResidentId } from '../../src/domain/resident-id';
import type { Family } from '../../src/simulator/family-records';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server';
import { ensureTemporalCli } from '../../src/temporal/cli';
import { FAILURE_CONVERTER_PATH, temporalDataConverter } from '../../src/temporal/data-converter';
import { startDevServer } from '../../src/temporal/dev-server';
import { createActivityDependencies } from '../../src/worker/activity-dependencies';
import { createEnrolmentWorker } from '../../src/worker/create-worker';
import {
  type EnrolmentApplicationInput,
  type EnrolmentSettings,
  initialSearchAttributes,
} from '../../src/contract';
import { formForFamily } from '../../src/testing/forms';

const APP_SECRET = 'bench-secret-0123456789';

export interface BenchStack {
  readonly config: Config;
  readonly db: Db;
  readonly simulator: RunningSimulator;
  readonly client: Client;
  readonly connection: NativeConnection;
  /** Starts one application workflow per family, as the API would (Form A, checked schema). */
  startCases(families: readonly Family[], settings: EnrolmentSettings): Promise<void>;
  startWorker(): Promise<{ worker: Worker; running: Promise<void> }>;
  close(): Promise<void>;
}

/**
 * What every bench runs on: its own Temporal dev server, a fresh PostgreSQL database with the
 * reference data, and the department simulator; figures then compare runs on one machine.
 */
export async function startBenchStack(options: {
  readonly name: string;
  readonly temporalPort: number;
  readonly population: number;
  /** Off only to measure what the payload codec costs (issue 12); on in every real process. */
  readonly encryptPayloads?: boolean;
}): Promise<BenchStack> {
  Runtime.install({ logger: new DefaultLogger('ERROR'), shutdownSignals: [] });
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const temporal = await startDevServer({
    cliPath: await ensureTemporalCli(),
    port: options.temporalPort,
    namespace: 'default',
  });
  const dbName = `gx_bench_${options.name}_${Date.now()}`;
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  await migrate(dbUrl.toString(), migrationsDir());
  const db = createDb({ url: dbUrl.toString(), poolMax: 20 });
  await seedReferenceData(db);
  await seedDemoData(db);
  const simulator = await startSimulator({
    port: 0,
    appKey: 'bench',
    appSecret: APP_SECRET,
    seed: 11,
    populationSize: options.population,
    callbackSecret: 'bench-callback-secret',
  });
  const config = loadConfig({
    DATABASE_URL: dbUrl.toString(),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
    DATA_SHARING_BASE_URL: simulator.url,
    DATA_SHARING_APP_KEY: 'bench',
    DATA_SHARING_APP_SECRET: APP_SECRET,
    PLATFORM_CALLBACK_SECRET: 'bench-callback-secret',
  });
  const encrypt = options.encryptPayloads ?? true;
  const dataConverter = encrypt ? temporalDataConverter(config) : {};
  const connection = await NativeConnection.connect({ address: temporal.address });
  const client = new Client({
    connection: await Connection.connect({ address: temporal.address }),
    dataConverter,
  });
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../src/workflows'),
    ...(encrypt && { failureConverterPath: FAILURE_CONVERTER_PATH }),
    logger: new DefaultLogger('ERROR'),
  });
  let next = 0;

  return {
    config,
    db,
    simulator,
    client,
    connection,
    async startCases(families, settings) {
      await Promise.all(
        families.map(async (family) => {
          const form = applicationFormSchema.parse(formForFamily(family));
          const key = personKey('bench', form.child.idNumber);
          const input: EnrolmentApplicationInput = {
            applicationNo: formatApplicationNo(form.seasonYear, form.countyCode, ++next),
            form,
            childKey: key,
            childIdMasked: maskResidentId(form.child.idNumber),
            ownerSub: 'bench',
            submittedBy: 'bench',
            registrationPointId: null,
            submittedAt: new Date().toISOString(),
            settings,
          };
          await client.workflow.start('enrolmentApplication', {
            workflowId: enrolmentWorkflowId(form.seasonYear, form.stage, key),
            taskQueue: config.TEMPORAL_TASK_QUEUE,
            args: [input],
            workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
            typedSearchAttributes: initialSearchAttributes(form),
          });
        }),
      );
    },
    async startWorker() {
      const worker = await createEnrolmentWorker({
        connection,
        namespace: 'default',
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        dependencies: createActivityDependencies(config, db, client),
        workflowBundle,
        dataConverter,
      });
      return { worker, running: worker.run() };
    },
    async close() {
      await client.connection.close();
      await connection.close();
      await simulator.close();
      await db.$disconnect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      await temporal.stop();
    },
  };
}
