import { createHash } from 'node:crypto';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { migrationsDir } from '../../src/config/paths';
import { FailedMigrationError, migrate, MigrationChecksumError } from '../../src/db/migrator';
import { createEmptyDatabase, type TestDatabase } from '../support/database';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the migrator', () => {
  let database: TestDatabase;
  let dir: string;

  beforeEach(async () => {
    database = await createEmptyDatabase();
    dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    await cp(migrationsDir(), dir, { recursive: true });
  });
  afterEach(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies every migration once and records it as Prisma Migrate does', async () => {
    const first = await migrate(database.url, dir);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await migrate(database.url, dir);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied });

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(
      database.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const row of rows) {
      const sql = await readFile(join(dir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const { applied } = await migrate(database.url, dir);
    const file = join(dir, applied[0]!, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited after the fact\n`);
    await expect(migrate(database.url, dir)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it('leaves neither objects nor a record behind when a migration fails, and applies it once fixed', async () => {
    await migrate(database.url, dir);
    const broken = join(dir, '29990101000000_broken');
    await mkdir(broken);
    await writeFile(
      join(broken, 'migration.sql'),
      'CREATE TABLE "half_done" (id INT);\nSELECT * FROM "no_such_table";\n',
    );
    await expect(migrate(database.url, dir)).rejects.toBeInstanceOf(FailedMigrationError);
    expect(
      await query(database.url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`),
    ).toHaveLength(0);
    expect(
      await query(
        database.url,
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
      ),
    ).toHaveLength(0);

    await writeFile(join(broken, 'migration.sql'), 'CREATE TABLE "half_done" (id INT);\n');
    expect((await migrate(database.url, dir)).applied).toEqual(['29990101000000_broken']);
  });

  it('runs safely from several processes at once: each migration is applied exactly once', async () => {
    const results = await Promise.all([
      migrate(database.url, dir),
      migrate(database.url, dir),
      migrate(database.url, dir),
    ]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts[0]).toBe(0);
    expect(appliedCounts[1]).toBe(0);
    expect(appliedCounts[2]).toBeGreaterThan(0);
    const rows = await query<{ n: string }>(
      database.url,
      'SELECT count(*) AS n FROM "_prisma_migrations"',
    );
    expect(Number(rows[0]!.n)).toBe(appliedCounts[2]);
  });

  it('keeps the audit log append-only, even for the role that owns it', async () => {
    await migrate(database.url, dir);
    await query(
      database.url,
      `INSERT INTO audit_log (actor, role, action) VALUES ('tester', 'OPERATOR', 'TEST')`,
    );
    await expect(
      query(database.url, `UPDATE audit_log SET actor = 'someone else'`),
    ).rejects.toThrow(/append-only/);
    await expect(query(database.url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(query(database.url, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });
});
