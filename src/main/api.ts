import { loadConfig } from '../config/config';
import { createDb } from '../db/prisma-client';
import { databaseUrl, poolMax } from './database';
import { startApi } from './start-api';
import { onShutdown } from './shutdown';

/** `npm run start:api`: the HTTP API alone (workers and Temporal run elsewhere). */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = createDb({ url: databaseUrl(config), poolMax: poolMax(config) });
  const app = await startApi(config, db);
  onShutdown([() => app.close(), () => db.$disconnect()]);
  process.stdout.write(
    `API listening on http://${config.API_HOST}:${config.API_PORT} (docs at /docs)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
