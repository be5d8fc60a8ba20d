import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrationsDir } from '../../src/config/paths';
import { ensureAppLogin } from '../../src/db/app-role';
import { migrate } from '../../src/db/migrator';
import { createDb, type Db } from '../../src/db/prisma-client';

/** The real PostgreSQL server tests run against; each test file gets a database of its own. */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `gx_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(ADMIN_DATABASE_URL, name),
    drop: () =>
      admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The login the application's processes use in tests: a member of gx_app, as in a deployment. */
export const TEST_APP_USER = 'gx_app_test';

export interface MigratedDatabase extends TestDatabase {
  /** The application role's URL (what DATABASE_URL is in a deployment); `db` connects with it. */
  readonly url: string;
  /** The owner's URL (MIGRATION_DATABASE_URL): for what only migrations and tests of them may do. */
  readonly ownerUrl: string;
  readonly db: Db;
}

export async function createMigratedDatabase(poolMax = 5): Promise<MigratedDatabase> {
  const database = await createEmptyDatabase();
  await migrate(database.url, migrationsDir());
  const appUrl = new URL(database.url);
  appUrl.username = TEST_APP_USER;
  appUrl.password = '';
  await ensureAppLogin(database.url, appUrl.toString());
  const db = createDb({ url: appUrl.toString(), poolMax });
  return {
    ...database,
    url: appUrl.toString(),
    ownerUrl: database.url,
    db,
    drop: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
