import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { platformCallbackUrl, type Config } from '../config/config';
import { ApplicationRepository } from '../db/application-repository';
import type { Db } from '../db/prisma-client';
import { DataSharingClient } from '../integration/data-sharing/client';
import { StatusNotifier } from '../integration/platform/status-notifier';
import { createEnrolmentWorker } from '../worker/create-worker';

/**
 * The launchers own shutdown order (API first, then worker, then connections), so Temporal's
 * runtime must not act on SIGINT/SIGTERM by itself.
 */
export function installWorkerRuntime(config: Config): void {
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger(config.WORKER_LOG_LEVEL) });
}

export interface RunningWorker {
  readonly worker: Worker;
  readonly running: Promise<void>;
  stop(): Promise<void>;
}

/** A worker for the configured task queue, polling until stopped. */
export async function startWorker(config: Config, db: Db): Promise<RunningWorker> {
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
      platform: new StatusNotifier({
        url: platformCallbackUrl(config),
        secret: config.PLATFORM_CALLBACK_SECRET,
        timeoutMs: config.DATA_SHARING_TIMEOUT_MS,
      }),
    },
  });
  const running = worker.run();
  return {
    worker,
    running,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
    },
  };
}
