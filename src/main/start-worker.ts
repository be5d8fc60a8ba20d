import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { Config } from '../config/config';
import type { Db } from '../db/prisma-client';
import type { Logger } from '../observability/logger';
import { sdkMetricsExporter } from '../observability/sdk-metrics';
import { PinoTemporalLogger } from '../observability/temporal-logger';
import { connectTemporalClient, temporalConnectionOptions } from '../temporal/client';
import { temporalDataConverter } from '../temporal/data-converter';
import { assertTemporalSetup } from '../temporal/setup';
import { createActivityDependencies } from '../worker/activity-dependencies';
import { FailingActivityRepository } from '../db/failing-activity-repository';
import { createEnrolmentWorker } from '../worker/create-worker';
import { ensureEarlyWarningSchedule } from '../worker/early-warning-schedule';
import { ensureRetentionSchedule } from '../worker/retention-schedule';
import { workerTuningOf } from '../worker/tuning';

/**
 * The launchers own shutdown order (API first, then worker, then connections), so Temporal's
 * runtime must not act on SIGINT/SIGTERM by itself. Its logs, the Rust core's included
 * (forwarded rather than printed by the core in a format of its own), become lines of the
 * process's JSON log at WORKER_LOG_LEVEL. Its metrics join the process's /metrics
 * (observability/sdk-metrics.ts).
 */
export async function installWorkerRuntime(config: Config, logger: Logger): Promise<void> {
  Runtime.install({
    shutdownSignals: [],
    logger: new PinoTemporalLogger(
      logger.child({ component: 'temporal' }, { level: config.WORKER_LOG_LEVEL.toLowerCase() }),
    ),
    telemetryOptions: {
      logging: { forward: {} },
      ...(config.TEMPORAL_SDK_METRICS === 'on' ? { metrics: await sdkMetricsExporter() } : {}),
    },
  });
}

export interface RunningWorker {
  readonly worker: Worker;
  readonly running: Promise<void>;
  stop(): Promise<void>;
}

/** A worker for the configured task queue, polling until stopped; refuses an unset namespace. */
export async function startWorker(config: Config, db: Db): Promise<RunningWorker> {
  const client = await connectTemporalClient(config);
  try {
    // A worker on a namespace without the search attributes would fail every workflow task.
    await assertTemporalSetup(client, config.TEMPORAL_NAMESPACE);
    // The worker runs retention, so it makes sure the schedule that starts it exists.
    await ensureRetentionSchedule(client, config.TEMPORAL_TASK_QUEUE);
    // And the early warning's nightly computation (学位预警).
    await ensureEarlyWarningSchedule(client, config.TEMPORAL_TASK_QUEUE);
  } catch (error) {
    await client.connection.close();
    throw error;
  }
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await createEnrolmentWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies: createActivityDependencies(config, db, client),
    failingActivities: new FailingActivityRepository(db),
    dataConverter: temporalDataConverter(config),
    tuning: workerTuningOf(config),
  });
  const running = worker.run();
  return {
    worker,
    running,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
    },
  };
}
