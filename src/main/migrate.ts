import { loadConfig } from '../config/config';
import { migrationsDir } from '../config/paths';
import { migrate } from '../db/migrator';
import { createDb } from '../db/prisma-client';
import { seedReferenceData } from '../db/seed-reference-data';
import { databaseUrl } from './database';

/** `npm run db:migrate`: applies pending migrations and the reference data to DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const url = databaseUrl(config);
  const result = await migrate(url, migrationsDir());
  const db = createDb({ url, poolMax: 1 });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
  process.stdout.write(
    `migrations applied: ${result.applied.length}, already applied: ${result.alreadyApplied.length}; reference data seeded\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
