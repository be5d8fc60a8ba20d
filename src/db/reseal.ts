import { randomUUID } from 'node:crypto';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientBase } from 'pg';
import type { Sealer } from '../encryption/sealer';

/**
 * `npm run reseal`: seals what was stored before encryption at rest, and re-seals what is under
 * an older master key after a rotation (docs/data-protection.md). Idempotent, and safe while the
 * service runs: a row is rewritten only from the value just read (a concurrent write wins).
 */
interface SealedColumn {
  readonly table: string;
  readonly keys: readonly string[];
  readonly column: string;
  readonly jsonb: boolean;
  /** The value with its personal parts sealed; by default the whole value is. */
  readonly reseal?: (value: unknown, sealer: Sealer) => Promise<unknown>;
}

type Row = Record<string, unknown>;

async function resealEach(value: unknown, field: string, sealer: Sealer): Promise<unknown> {
  if (!Array.isArray(value)) return value;
  return Promise.all(
    value.map(async (item: Row) => ({ ...item, [field]: await sealer.reseal(item[field]) })),
  );
}

/** Every column the repositories seal (application-repository.ts and the ones it names). */
const SEALED_COLUMNS: readonly SealedColumn[] = [
  ...['statement', 'supplement_request', 'offline_check', 'admission', 'appeal'].map((column) => ({
    table: 'application',
    keys: ['application_no'],
    column,
    jsonb: true,
  })),
  { table: 'application', keys: ['application_no'], column: 'child_name', jsonb: false },
  {
    table: 'verification_result',
    keys: ['application_no', 'check'],
    column: 'evidence',
    jsonb: true,
  },
  ...['notes', 'auto_fill', 'facts'].map((column) => ({
    table: 'eligibility_assessment',
    keys: ['application_no'],
    column,
    jsonb: true,
  })),
  ...['notes', 'facts'].map((column) => ({
    table: 'eligibility_assessment_version',
    keys: ['application_no', 'version'],
    column,
    jsonb: true,
  })),
  ...[
    { table: 'eligibility_assessment', keys: ['application_no'] },
    { table: 'eligibility_assessment_version', keys: ['application_no', 'version'] },
  ].map(({ table, keys }) => ({
    table,
    keys,
    column: 'schools',
    jsonb: true,
    reseal: (schools: unknown, sealer: Sealer) => resealEach(schools, 'evidence', sealer),
  })),
  { table: 'supplement', keys: ['application_no', 'seq'], column: 'items', jsonb: true },
  { table: 'case_reset', keys: ['id'], column: 'undone', jsonb: true },
  { table: 'attachment', keys: ['application_no', 'sha256'], column: 'file_name', jsonb: false },
  {
    table: 'admission_round_applicant',
    keys: ['round_id', 'application_no'],
    column: 'entry',
    jsonb: true,
    reseal: async (entry, sealer) => {
      const e = entry as Row;
      return { ...e, certificateNo: await sealer.reseal(e.certificateNo ?? null) };
    },
  },
];

const BATCH = 500;
const quote = (identifier: string) => `"${identifier}"`;

async function resealColumn(db: ClientBase, sealer: Sealer, c: SealedColumn): Promise<number> {
  const keys = c.keys.map(quote).join(', ');
  const where = c.keys.map((k, i) => `${quote(k)} = $${i + 2}`).join(' AND ');
  const reseal = c.reseal ?? ((value: unknown) => sealer.reseal(value));
  let changed = 0;
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await db.query<Row>(
      `SELECT ${keys}, ${quote(c.column)} AS value FROM ${quote(c.table)}
       ORDER BY ${keys} LIMIT ${BATCH} OFFSET ${offset}`,
    );
    for (const row of rows) {
      const next = await reseal(row.value, sealer);
      if (JSON.stringify(next) === JSON.stringify(row.value)) continue;
      await db.query(`UPDATE ${quote(c.table)} SET ${quote(c.column)} = $1 WHERE ${where}`, [
        c.jsonb ? JSON.stringify(next) : next,
        ...c.keys.map((k) => row[k]),
      ]);
      changed += 1;
    }
    if (rows.length < BATCH) return changed;
  }
}

/** A housing lock stored under the certificate number itself moves to its lookup key. */
async function rekeyHousingLocks(db: ClientBase, sealer: Sealer): Promise<number> {
  const { rows } = await db.query<{ certificate_no: string }>(
    `SELECT certificate_no FROM housing_lock WHERE certificate_no !~ '^[0-9a-f]{32}$'`,
  );
  for (const { certificate_no: plain } of rows) {
    const key = sealer.lookupKey(plain);
    // A lock taken again since under the lookup key is the newer one; the old row just goes.
    await db.query(
      `DELETE FROM housing_lock WHERE certificate_no = $1
       AND EXISTS (SELECT 1 FROM housing_lock WHERE certificate_no = $2)`,
      [plain, key],
    );
    await db.query(`UPDATE housing_lock SET certificate_no = $2 WHERE certificate_no = $1`, [
      plain,
      key,
    ]);
  }
  return rows.length;
}

/** Every document under the storage folder, sealed (again) in place, atomically. */
async function resealDocuments(root: string, sealer: Sealer): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  let changed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
    const path = join(entry.parentPath, entry.name);
    const stored = await readFile(path);
    if (!sealer.needsResealing(stored)) continue;
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, await sealer.sealBytes(await sealer.openBytes(stored)));
    await rename(temporary, path);
    changed += 1;
  }
  return changed;
}

/** What was (re)sealed: rows per table and column, housing locks re-keyed, documents. */
export async function resealStoredData(
  db: ClientBase,
  sealer: Sealer,
  attachmentsDir: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const column of SEALED_COLUMNS)
    counts[`${column.table}.${column.column}`] = await resealColumn(db, sealer, column);
  counts['housing_lock.certificate_no'] = await rekeyHousingLocks(db, sealer);
  counts.documents = await resealDocuments(attachmentsDir, sealer);
  return counts;
}
