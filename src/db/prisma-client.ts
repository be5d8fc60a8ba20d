import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

export interface DbOptions {
  readonly url: string;
  /** Pool size; the embedded database serves one connection at a time, so callers keep it small. */
  readonly poolMax: number;
}

/**
 * How long a transaction waits for a pooled connection, and may then run. Prisma's defaults (2 s
 * and 5 s) turn a burst of submissions on a busy machine into 500s while the pool is merely busy;
 * the caller's own time-out (the HTTP client's, the activity's) is the limit that matters.
 */
const TRANSACTIONS = { maxWait: 15_000, timeout: 30_000 };

export function createDb({ url, poolMax }: DbOptions): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolMax }),
    transactionOptions: TRANSACTIONS,
  });
}

/**
 * Prisma's codes for a database that is up but has no connection to give (PostgreSQL's
 * max_connections reached, P2037; no pooled connection within the wait, P2024): transient, so the
 * caller is told to come back, not that the service failed.
 */
const BUSY_CODES: ReadonlySet<string> = new Set(['P2024', 'P2037']);

export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && BUSY_CODES.has(error.code);
}
