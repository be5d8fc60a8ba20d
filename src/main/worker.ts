import { loadConfig } from '../config/config';
import { createDb } from '../db/prisma-client';
import { databaseUrl, poolMax } from './database';
import { installWorkerRuntime, startWorker } from './start-worker';
import { onShutdown } from './shutdown';

/** `npm run start:worker`: workflows and activities for the configured task queue. */
async function main(): Promise<void> {
  const config = loadConfig();
  installWorkerRuntime(config);
  const db = createDb({ url: databaseUrl(config), poolMax: poolMax(config) });
  const worker = await startWorker(config, db);
  onShutdown([() => worker.stop(), () => db.$disconnect()]);
  process.stdout.write(
    `worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}\n`,
  );
  await worker.running;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
