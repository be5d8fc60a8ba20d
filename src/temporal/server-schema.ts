import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { PostgresEndpoint } from './server-config';
import { EXPECTED_SCHEMA_VERSIONS, type TemporalServerInstall } from './server-install';

/**
 * Temporal's two databases on PostgreSQL, created and brought to the versions this server
 * expects with its own SQL tool — the commands the compose set-up job runs too:
 * `setup-schema -v 0.0` (only the version tables; skipped by the tool on a set-up database)
 * then `update-schema -d <versioned dir>` (only the versions not applied yet). A database
 * already at the expected version is left untouched; one at another version afterwards fails.
 */
export interface SchemaTarget {
  readonly postgres: PostgresEndpoint;
  /** An existing database to connect to while creating the two. */
  readonly adminDatabase: string;
  readonly databases: { readonly temporal: string; readonly visibility: string };
}

export class TemporalSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemporalSchemaError';
  }
}

type Store = keyof typeof EXPECTED_SCHEMA_VERSIONS;
const STORES: readonly Store[] = ['temporal', 'visibility'];

async function withClient<T>(
  postgres: PostgresEndpoint,
  database: string,
  fn: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({ ...postgres, database });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(target: SchemaTarget, name: string): Promise<void> {
  await withClient(target.postgres, target.adminDatabase, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((e: unknown) => {
      // 42P04: created meanwhile by another start.
      if ((e as { code?: string }).code !== '42P04') throw e;
    });
  });
}

/** The version the tool recorded, or undefined on a database it never set up. */
export async function schemaVersion(
  postgres: PostgresEndpoint,
  database: string,
): Promise<string | undefined> {
  return withClient(postgres, database, async (client) => {
    const table = await client.query<{ t: string | null }>(
      "SELECT to_regclass('public.schema_version')::text AS t",
    );
    if (!table.rows[0]?.t) return undefined;
    const row = await client.query<{ curr_version: string }>(
      'SELECT curr_version FROM schema_version WHERE version_partition = 0 AND db_name = $1',
      [database],
    );
    return row.rows[0]?.curr_version;
  });
}

async function sqlTool(
  install: TemporalServerInstall,
  target: SchemaTarget,
  database: string,
  args: string[],
): Promise<void> {
  const { host, port, user, password } = target.postgres;
  try {
    // Connection settings through the tool's environment: no password in a process list.
    await promisify(execFile)(install.sqlTool, args, {
      env: {
        PATH: process.env.PATH,
        SQL_PLUGIN: 'postgres12',
        SQL_HOST: host,
        SQL_PORT: String(port),
        SQL_USER: user,
        SQL_PASSWORD: password,
        SQL_DATABASE: database,
      },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new TemporalSchemaError(
      `temporal-sql-tool ${args.join(' ')} on ${database} failed: ${stderr.slice(-2000)}`,
    );
  }
}

/** Brings both databases to the expected versions; returns what each was before. */
export async function ensureTemporalSchemas(
  install: TemporalServerInstall,
  target: SchemaTarget,
): Promise<Record<Store, string | undefined>> {
  const before = {} as Record<Store, string | undefined>;
  for (const store of STORES) {
    const database = target.databases[store];
    const expected = EXPECTED_SCHEMA_VERSIONS[store];
    await createDatabaseIfMissing(target, database);
    before[store] = await schemaVersion(target.postgres, database);
    if (before[store] === expected) continue;
    await sqlTool(install, target, database, ['setup-schema', '-v', '0.0']);
    const versioned = join(install.schemaDir, store, 'versioned');
    await sqlTool(install, target, database, ['update-schema', '-d', versioned]);
    const after = await schemaVersion(target.postgres, database);
    if (after !== expected)
      throw new TemporalSchemaError(
        `${database} is at schema version ${after ?? 'none'} after the update; Temporal server ` +
          `expects ${expected}`,
      );
  }
  return before;
}
