import { join } from 'node:path';
import type { Config } from '../config/config';
import { migrationsDir } from '../config/paths';
import { ensureAppLogin } from '../db/app-role';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres';
import { migrate, type MigrateResult } from '../db/migrator';
import { createDb, type Db } from '../db/prisma-client';
import { seedReferenceData } from '../db/seed-reference-data';
import type { Logger } from '../observability/logger';

/** Where the processes find PostgreSQL: DATABASE_URL, else the embedded server of `npm start`. */
export function databaseUrl(config: Config): string {
  return (
    config.DATABASE_URL ??
    `postgresql://postgres@127.0.0.1:${config.EMBEDDED_DB_PORT}/postgres?sslmode=disable`
  );
}

/** Starts the embedded database when no DATABASE_URL is configured. */
export async function provideDatabase(
  config: Config,
): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const embedded = await startEmbeddedPostgres(
    join(config.DATA_DIR, 'pglite'),
    config.EMBEDDED_DB_PORT,
  );
  return { url: embedded.url, embedded };
}

/** Embedded PGlite serves one session at a time; a small pool keeps requests queued in the client. */
export function poolMax(config: Config): number {
  return config.DATABASE_URL ? config.DATABASE_POOL_MAX : 1;
}

export interface PreparedDatabase {
  readonly migrated: MigrateResult;
  /** `member`: the application connects as a member of gx_app, not as the owner. */
  readonly roles: Awaited<ReturnType<typeof ensureAppLogin>>;
}

/**
 * What `db:migrate` and `npm start` do before anything connects as the application: migrations and
 * reference data as the owner (MIGRATION_DATABASE_URL), then DATABASE_URL's user made a login
 * member of the application's role (docs/audit.md).
 */
export async function prepareDatabase(config: Config, appUrl: string): Promise<PreparedDatabase> {
  const ownerUrl = (config.DATABASE_URL && config.MIGRATION_DATABASE_URL) || appUrl;
  const migrated = await migrate(ownerUrl, migrationsDir());
  const db = createDb({ url: ownerUrl, poolMax: 1 });
  try {
    await seedReferenceData(db);
  } finally {
    await db.$disconnect();
  }
  return { migrated, roles: await ensureAppLogin(ownerUrl, appUrl) };
}

/**
 * In production the API and the worker refuse a database role that could rewrite the audit log
 * (its owner, a superuser): they must connect as a member of gx_app (docs/audit.md).
 */
export async function refuseAuditOwner(config: Config, db: Db): Promise<void> {
  if (config.NODE_ENV !== 'production') return;
  const [row] = await db.$queryRaw<{ rewritable: boolean }[]>`
    SELECT has_table_privilege('audit_log', 'UPDATE')
        OR has_table_privilege('audit_log', 'DELETE')
        OR has_table_privilege('audit_log', 'TRUNCATE') AS rewritable`;
  if (row?.rewritable)
    throw new Error(
      "DATABASE_URL's role may update or delete the audit log: connect as a member of gx_app and run migrations with MIGRATION_DATABASE_URL (docs/audit.md)",
    );
}

export const AUTOVACUUM_OFF =
  'PostgreSQL runs without autovacuum: the dead rows that every case leaves in the read model (and Temporal in its task and execution tables) are never cleared, and reads slow down as they pile up; turn autovacuum on, or vacuum on a schedule (docs/deployment.md)';

/**
 * Said once at start for the operator, not refused: a database team may vacuum on a schedule of
 * its own. The embedded PGlite of `npm start` (no DATABASE_URL) has no background workers at all.
 */
export async function warnWithoutAutovacuum(
  config: Pick<Config, 'DATABASE_URL'>,
  db: Pick<Db, '$queryRaw'>,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  if (!config.DATABASE_URL) return;
  if ((await autovacuumOf(db)) === 'off') logger.warn(AUTOVACUUM_OFF);
}

/** The server's autovacuum setting ('on' or 'off'), one for the whole cluster. */
export async function autovacuumOf(db: Pick<Db, '$queryRaw'>): Promise<string | undefined> {
  const [row] = await db.$queryRaw<{ autovacuum: string }[]>`SHOW autovacuum`;
  return row?.autovacuum;
}
