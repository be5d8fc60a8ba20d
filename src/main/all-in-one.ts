import { join } from 'node:path';
import { createDb } from '../db/prisma-client';
import { seedDemoData } from '../db/seed-demo-data';
import { startApi } from './start-api';
import { startConfiguredSimulator } from './start-simulator';
import { installWorkerRuntime, startWorker } from './start-worker';
import { poolMax, prepareDatabase, provideDatabase, warnWithoutAutovacuum } from './database';
import { launch } from './launch';
import { onShutdown } from './shutdown';
import { startTemporalEngine } from './temporal-engine';

/**
 * `npm start`: the whole service on one machine with embedded defaults (DESIGN.md §2) —
 * Temporal (the dev server, or with TEMPORAL_MODE=server Temporal server on PostgreSQL), database, migrations and demo data, simulator, worker and API. Worker and
 * API share this process, so the API's /metrics includes the worker's metrics.
 */
launch('all-in-one', async (config, logger) => {
  await installWorkerRuntime(config, logger);
  const log = (m: string) => logger.info(m);
  const stops: Array<() => Promise<unknown>> = [];
  onShutdown(stops, logger);

  const temporal = await startTemporalEngine(config);
  stops.unshift(() => temporal.stop());
  log(temporal.description);

  const database = await provideDatabase(config);
  if (database.embedded) stops.unshift(() => database.embedded!.stop());
  const { migrated } = await prepareDatabase(config, database.url);
  const db = createDb({ url: database.url, poolMax: poolMax(config) });
  stops.unshift(() => db.$disconnect());
  await seedDemoData(db);
  await warnWithoutAutovacuum(config, db, logger);
  log(
    `Database              ${database.embedded ? `embedded PGlite (${join(config.DATA_DIR, 'pglite')})` : 'DATABASE_URL'}; ${migrated.applied.length} migration(s) applied`,
  );

  const simulator = await startConfiguredSimulator(config);
  stops.unshift(() => simulator.close());
  log(`Data-sharing simulator ${simulator.url}`);

  const worker = await startWorker(config, db);
  stops.unshift(() => worker.stop());
  log(`Worker                task queue "${config.TEMPORAL_TASK_QUEUE}"`);
  // The worker's new early-warning schedule runs once at once: the demo's catchments are graded.
  log('Early warning         GET /warnings/450103 as CITY_ADMIN (docs/early-warning.md)');

  const api = await startApi(config, db, logger);
  stops.unshift(() => api.close());
  log(
    `API                   http://${config.API_HOST}:${config.API_PORT}   docs http://${config.API_HOST}:${config.API_PORT}/docs   metrics http://${config.API_HOST}:${config.API_PORT}/metrics`,
  );
  log('Ready. Ctrl-C stops everything.');
  await worker.running;
});
