import { createDb } from '../db/prisma-client';
import { databaseUrl, poolMax, refuseAuditOwner, warnWithoutAutovacuum } from './database';
import { launch } from './launch';
import { startApi } from './start-api';
import { onShutdown } from './shutdown';

/** `npm run start:api`: the HTTP API alone (workers and Temporal run elsewhere). */
launch('api', async (config, logger) => {
  const db = createDb({ url: databaseUrl(config), poolMax: poolMax(config) });
  await refuseAuditOwner(config, db);
  await warnWithoutAutovacuum(config, db, logger);
  const app = await startApi(config, db, logger);
  onShutdown([() => app.close(), () => db.$disconnect()], logger);
  logger.info(
    `API listening on http://${config.API_HOST}:${config.API_PORT} (docs at /docs, metrics at /metrics)`,
  );
});
