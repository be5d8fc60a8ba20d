import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Config } from '../config/config';
import { connectTemporalClient } from '../api/applications/temporal-client';
import { createApiApp } from '../api/create-app';
import { ApplicationRepository } from '../db/application-repository';
import type { Db } from '../db/prisma-client';
import { DataSharingClient } from '../integration/data-sharing/client';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { createEnrolmentWorker } from '../worker/create-worker';

/** The service's parts, each started from validated configuration; used by every launcher. */

/**
 * The launchers own shutdown order (API first, then worker, then connections), so Temporal's
 * runtime must not act on SIGINT/SIGTERM by itself.
 */
export function installWorkerRuntime(config: Config): void {
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger(config.WORKER_LOG_LEVEL) });
}

export async function startWorker(
  config: Config,
  db: Db,
): Promise<{ worker: Worker; running: Promise<void>; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await createEnrolmentWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies: {
      applications: new ApplicationRepository(db),
      dataSharing: new DataSharingClient({
        baseUrl: config.DATA_SHARING_BASE_URL,
        appKey: config.DATA_SHARING_APP_KEY,
        appSecret: config.DATA_SHARING_APP_SECRET,
        timeoutMs: config.DATA_SHARING_TIMEOUT_MS,
      }),
    },
  });
  const running = worker.run();
  return { worker, running, connection };
}

export async function startApi(config: Config, db: Db): Promise<NestExpressApplication> {
  const temporal = await connectTemporalClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const app = await createApiApp({ config, temporal, applications: new ApplicationRepository(db) });
  await app.listen(config.API_PORT, config.API_HOST);
  return app;
}

export function startConfiguredSimulator(config: Config): Promise<RunningSimulator> {
  return startSimulator({
    port: config.SIMULATOR_PORT,
    appKey: config.DATA_SHARING_APP_KEY,
    appSecret: config.DATA_SHARING_APP_SECRET,
    seed: config.SIMULATOR_SEED,
    populationSize: config.SIMULATOR_POPULATION,
  });
}
