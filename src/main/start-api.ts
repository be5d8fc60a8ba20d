import type { NestExpressApplication } from '@nestjs/platform-express';
import { connectTemporalClient } from '../temporal/client';
import { createApiApp } from '../api/create-app';
import type { Config } from '../config/config';
import type { Db } from '../db/prisma-client';
import type { Logger } from '../observability/logger';

/** The HTTP API, listening on API_HOST:API_PORT. */
export async function startApi(
  config: Config,
  db: Db,
  logger: Logger,
): Promise<NestExpressApplication> {
  const temporal = await connectTemporalClient(config);
  const app = await createApiApp({ config, temporal, db, logger });
  await app.listen(config.API_PORT, config.API_HOST);
  return app;
}
