import { join } from 'node:path';
import type { Config } from '../config/config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres';

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
