import { createDb } from '../db/prisma-client';
import { startMetricsServer } from '../observability/metrics-server';
import { processMetrics } from '../observability/metrics';
import { scrapeAccess } from '../observability/scrape-access';
import { databaseUrl, poolMax, refuseAuditOwner, warnWithoutAutovacuum } from './database';
import { launch } from './launch';
import { installWorkerRuntime, startWorker } from './start-worker';
import { onShutdown } from './shutdown';

/**
 * `npm run start:worker`: workflows and activities for the configured task queue, with a /metrics
 * listener of its own on WORKER_METRICS_PORT (the API's /metrics cannot see this process).
 */
launch('worker', async (config, logger) => {
  await installWorkerRuntime(config, logger);
  // Before the worker: a taken port stops the process before it has taken any task.
  const metrics = config.WORKER_METRICS_PORT
    ? await startMetricsServer(
        processMetrics,
        config.WORKER_METRICS_HOST,
        config.WORKER_METRICS_PORT,
        (authorization) => scrapeAccess(config, authorization),
      )
    : undefined;
  const db = createDb({ url: databaseUrl(config), poolMax: poolMax(config) });
  await refuseAuditOwner(config, db);
  await warnWithoutAutovacuum(config, db, logger);
  const worker = await startWorker(config, db);
  onShutdown([() => worker.stop(), async () => metrics?.close(), () => db.$disconnect()], logger);
  logger.info(
    `worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}; metrics ${metrics?.url ?? 'off'}`,
  );
  await worker.running;
});
