import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { projectRoot } from '../../src/config/paths';
import type { Config } from '../../src/config/config';
import { verifyAuditChain } from '../../src/db/audit-chain';
import { createDb } from '../../src/db/prisma-client';
import { autovacuumOf, refuseAuditOwner } from '../../src/main/database';
import { AuditRepository, type AuditEntry } from '../../src/db/audit-repository';
import { built } from '../support/build';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database';
import { scaled } from '../support/time-scale';

async function run(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const entry = (action: string): AuditEntry => ({
  actor: 'reviewer:r-1',
  role: 'REVIEWER',
  countyCode: '450103',
  action,
  applicationNo: null,
  beforeStatus: null,
  afterStatus: null,
  reason: null,
  requestId: `req-${action}`,
  details: { n: 1, nested: { b: true, a: [1, 2] } },
});

/** A database of its own for the describe block it is called in, and the audit log in it. */
function auditLogDatabase(): { database: MigratedDatabase; audit: AuditRepository } {
  const fixture = {} as { database: MigratedDatabase; audit: AuditRepository };
  beforeAll(async () => {
    fixture.database = await createMigratedDatabase();
    fixture.audit = new AuditRepository(fixture.database.db);
  });
  afterAll(() => fixture.database?.drop());
  return fixture;
}

describe('the audit log in PostgreSQL: the application role and the hash chain', () => {
  const fixture = auditLogDatabase();

  it('lets the application role insert and read, and chains every row, even written at once', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => fixture.audit.append(entry(`A${i}`))));
    const report = await verifyAuditChain(fixture.database.url);
    expect(report.broken).toBeUndefined();
    expect(report.rows).toBe(30);
    const rows = await fixture.database.db.auditLog.findMany({ orderBy: { id: 'asc' } });
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET actor = 'someone else'`],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
    ['DISABLE TRIGGER', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete'],
    ['DISABLE TRIGGER ALL', 'ALTER TABLE audit_log DISABLE TRIGGER ALL'],
    ['DROP TRIGGER', 'DROP TRIGGER audit_log_chain ON audit_log'],
    ['DROP the function', 'DROP FUNCTION audit_log_chain() CASCADE'],
    ['setval', `SELECT setval('audit_log_id_seq', 1)`],
    ['a replica session (skips triggers)', 'SET session_replication_role = replica'],
  ])('refuses the application role %s on the audit log', async (_what, sql) => {
    await expect(run(fixture.database.url, sql)).rejects.toThrow(/permission denied|must be owner/);
  });

  it('lets production processes connect as the application role, never as the owner', async () => {
    const production = { NODE_ENV: 'production' } as Config;
    await expect(refuseAuditOwner(production, fixture.database.db)).resolves.toBeUndefined();
    const owner = createDb({ url: fixture.database.ownerUrl, poolMax: 1 });
    try {
      await expect(refuseAuditOwner(production, owner)).rejects.toThrow(/member of gx_app/);
    } finally {
      await owner.$disconnect();
    }
  });

  it("reads the server's autovacuum setting as the application role, as PostgreSQL has it", async () => {
    const { db } = fixture.database;
    const [expected] = await db.$queryRaw<{ setting: string }[]>`
      SELECT setting FROM pg_settings WHERE name = 'autovacuum'`;
    expect(['on', 'off']).toContain(expected!.setting);
    await expect(autovacuumOf(db)).resolves.toBe(expected!.setting);
  });

  it('overwrites a forged hash: the trigger, not the writer, computes the chain', async () => {
    await run(
      fixture.database.url,
      `INSERT INTO audit_log (actor, role, action, prev_hash, hash) VALUES ('x', 'OPERATOR', 'FORGED', 'f', 'f')`,
    );
    const forged = await fixture.database.db.auditLog.findFirstOrThrow({
      where: { action: 'FORGED' },
    });
    expect(forged.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(fixture.database.url)).broken).toBeUndefined();
  });

  it('audit:verify finds a row the owner changed, at that row, and a deleted row at the one after', async () => {
    const rows = await fixture.database.db.auditLog.findMany({ orderBy: { id: 'asc' } });
    const [changed, deleted, after] = [rows[10]!, rows[20]!, rows[21]!];
    const asOwner = (sql: string) =>
      run(
        fixture.database.ownerUrl,
        `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete; ${sql}; ` +
          'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete',
      );
    const verifyScript = () =>
      spawnSync(process.execPath, [built('scripts/audit-verify.ts')], {
        cwd: projectRoot(),
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: fixture.database.url },
        encoding: 'utf8',
        timeout: scaled(60_000),
      });
    const intact = verifyScript();
    expect(intact.stdout).toMatch(/^INTACT: 31 rows; head id \d+ hash [0-9a-f]{64}/);
    expect(intact.status).toBe(0);

    await asOwner(`DELETE FROM audit_log WHERE id = ${deleted.id}`);
    expect((await verifyAuditChain(fixture.database.url)).broken).toEqual({
      id: String(after.id),
      problem: 'LINK_BROKEN',
    });

    await asOwner(`UPDATE audit_log SET actor = 'someone else' WHERE id = ${changed.id}`);
    expect((await verifyAuditChain(fixture.database.url)).broken).toEqual({
      id: String(changed.id),
      problem: 'CONTENT_CHANGED',
    });
    const broken = verifyScript();
    expect(broken.stdout).toContain(`BROKEN at audit_log id ${changed.id}: CONTENT_CHANGED`);
    expect(broken.status).toBe(3);
  });
});

describe('audit rows written together (group commit)', () => {
  const fixture = auditLogDatabase();

  const appendAll = (entries: AuditEntry[]) =>
    Promise.allSettled(entries.map((e) => fixture.audit.append(e)));
  /** How many transactions wrote the rows of these requests. */
  const transactionsOf = async (prefix: string) => {
    const [{ n }] = await fixture.database.db.$queryRaw<[{ n: number }]>`
      SELECT count(DISTINCT xmin::text)::int AS n FROM audit_log WHERE request_id LIKE ${prefix + '%'}`;
    return n;
  };

  it('gives each append the id of its own row, and chains rows that share a statement', async () => {
    const entries = Array.from({ length: 40 }, (_, i) => ({
      ...entry(`G${i}`),
      requestId: `g-${i}`,
    }));
    const outcomes = await appendAll(entries);
    const ids = outcomes.map((o) => (o.status === 'fulfilled' ? o.value : null));
    const rows = await fixture.database.db.auditLog.findMany({
      where: { requestId: { startsWith: 'g-' } },
    });
    const byId = new Map(rows.map((r) => [r.id, r.requestId]));
    expect(ids.map((id) => id !== null && byId.get(id))).toEqual(entries.map((e) => e.requestId));
    // The first goes out alone; the 39 asked for while it was in flight share one statement.
    expect(await transactionsOf('g-')).toBe(2);
    expect((await verifyAuditChain(fixture.database.url)).broken).toBeUndefined();
  });

  it('fails only the row the database refuses, not the others of its statement', async () => {
    const entries = Array.from({ length: 8 }, (_, i) => ({
      ...entry(`R${i}`),
      requestId: `r-${i}`,
      reason: i === 5 ? 'a NUL byte \u0000 PostgreSQL will not store' : null,
    }));
    const outcomes = await appendAll(entries);
    expect(outcomes.map((o) => o.status)).toEqual([
      ...Array<string>(5).fill('fulfilled'),
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const stored = await fixture.database.db.auditLog.findMany({
      where: { requestId: { startsWith: 'r-' } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((r) => r.requestId)).toEqual([
      'r-0',
      'r-1',
      'r-2',
      'r-3',
      'r-4',
      'r-6',
      'r-7',
    ]);
    expect((await verifyAuditChain(fixture.database.url)).broken).toBeUndefined();
  });
});
