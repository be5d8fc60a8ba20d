import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** The previous hash of the chain's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** One row as the chain sees it: its canonical content (SQL `audit_log_content`) and hashes. */
export interface ChainRow {
  readonly id: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly content: string;
}

export interface ChainBreak {
  readonly id: string;
  /** CONTENT_CHANGED: the row is not what was hashed; LINK_BROKEN: a row before it is missing or changed. */
  readonly problem: 'CONTENT_CHANGED' | 'LINK_BROKEN';
}

export interface ChainReport {
  readonly rows: number;
  /** The last row's id and hash: keep them elsewhere to notice rows cut from the end. */
  readonly head?: { readonly id: string; readonly hash: string };
  readonly broken?: ChainBreak;
}

/** The same hash the insert trigger computes (`audit_log_hash`), recomputed independently. */
export function chainHash(prevHash: string, content: string): string {
  return createHash('sha256')
    .update(prevHash + content, 'utf8')
    .digest('hex');
}

/** Whether a row follows the one before it (whose hash is `previous`) and matches its content. */
export function checkLink(previous: string, row: ChainRow): ChainBreak | undefined {
  if (row.prevHash !== previous) return { id: row.id, problem: 'LINK_BROKEN' };
  if (chainHash(row.prevHash, row.content) !== row.hash)
    return { id: row.id, problem: 'CONTENT_CHANGED' };
  return undefined;
}

const PAGE = 2000;

/** Walks the whole audit log in id order, a page at a time, and stops at the first broken link. */
export async function verifyAuditChain(databaseUrl: string): Promise<ChainReport> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let previous = GENESIS_HASH;
    let rows = 0;
    let head: ChainReport['head'];
    for (let after = '0'; ;) {
      const page = await client.query<ChainRow>(
        `SELECT id::text AS id, prev_hash AS "prevHash", hash, audit_log_content(a) AS content
           FROM audit_log a WHERE a.id > $1::bigint ORDER BY a.id LIMIT ${PAGE}`,
        [after],
      );
      for (const row of page.rows) {
        const broken = checkLink(previous, row);
        if (broken) return { rows, ...(head && { head }), broken };
        previous = row.hash;
        rows += 1;
        head = { id: row.id, hash: row.hash };
      }
      if (page.rows.length < PAGE) return { rows, ...(head && { head }) };
      after = page.rows[page.rows.length - 1]!.id;
    }
  } finally {
    await client.end();
  }
}
