import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrationsDir } from '../../src/config/paths';
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

export interface MigratedDatabase extends TestDatabase {
  readonly db: Db;
}

export async function createMigratedDatabase(): Promise<MigratedDatabase> {
  const database = await createEmptyDatabase();
  await migrate(database.url, migrationsDir());
  const db = createDb({ url: database.url, poolMax: 5 });
  return {
    ...database,
    db,
    drop: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}
