import type { NestExpressApplication } from '@nestjs/platform-express';
import { connectTemporalClient } from '../temporal/client';
import { assertTemporalSetup } from '../temporal/setup';
import { createApiApp } from '../api/create-app';
import type { Config } from '../config/config';
import type { Db } from '../db/prisma-client';
import type { Logger } from '../observability/logger';

/** The HTTP API, listening on API_HOST:API_PORT once Temporal's namespace is set up. */
export async function startApi(
  config: Config,
  db: Db,
  logger: Logger,
): Promise<NestExpressApplication> {
  const temporal = await connectTemporalClient(config);
  // Without its search attributes every submission would fail with a 500: refuse to start.
  await assertTemporalSetup(temporal, config.TEMPORAL_NAMESPACE).catch(async (error: unknown) => {
    await temporal.connection.close();
    throw error;
  });
  const app = await createApiApp({ config, temporal, db, logger });
  await app.listen(config.API_PORT, config.API_HOST);
  return app;
}
