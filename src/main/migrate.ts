import { migrationsDir } from '../config/paths';
import { migrate } from '../db/migrator';
import { createDb } from '../db/prisma-client';
import { seedReferenceData } from '../db/seed-reference-data';
import { databaseUrl } from './database';
import { launch } from './launch';

/**
 * `npm run db:migrate`, what a deployment runs: applies pending migrations and the reference data
 * (counties, seasons) to DATABASE_URL; never the demo data.
 */
launch('migrate', async (config, logger) => {
  const url = databaseUrl(config);
  const result = await migrate(url, migrationsDir());
  const db = createDb({ url, poolMax: 1 });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
  logger.info(
    `migrations applied: ${result.applied.length}, already applied: ${result.alreadyApplied.length}; reference data seeded`,
  );
});
