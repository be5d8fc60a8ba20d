import { databaseUrl, prepareDatabase } from './database';
import { launch } from './launch';

/**
 * `npm run db:migrate`, what a deployment runs: applies pending migrations and the reference data
 * (counties, seasons) as the owner (MIGRATION_DATABASE_URL), never the demo data, and makes
 * DATABASE_URL's user a member of the application's role.
 */
launch('migrate', async (config, logger) => {
  const { migrated, roles } = await prepareDatabase(config, databaseUrl(config));
  logger.info(
    `migrations applied: ${migrated.applied.length}, already applied: ${migrated.alreadyApplied.length}; reference data seeded`,
  );
  if (roles === 'same-user')
    logger.warn(
      'DATABASE_URL connects as the owner: set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to the application role (docs/audit.md)',
    );
});
