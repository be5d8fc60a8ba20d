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

/** Prisma's codes for a database it cannot reach (P1001), that timed out (P1002) or hung up (P1017). */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['P1001', 'P1002', 'P1017']);

/** The driver adapter's kinds of a connection that could not be made or was cut. */
const CONNECTION_LOST_KINDS: ReadonlySet<string> = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
]);

/**
 * SQLSTATEs of a connection the server ended: class 08 (connection exception), 57P01–57P03
 * (administrator shutdown, crash shutdown, cannot connect now: a restart or a failover).
 */
const isConnectionEnded = (state: unknown) =>
  typeof state === 'string' && (state.startsWith('08') || /^57P0[123]$/.test(state));

/**
 * pg's own errors for a pooled connection the server cut, which an interactive transaction sees
 * unwrapped; pg gives them no code, so they are known by their message.
 */
const PG_CONNECTION_LOST = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
];

/**
 * A database that is restarting, failing over or unreachable: the request did not complete, and
 * the caller is told to come back, not that the service failed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (UNREACHABLE_CODES.has(error.code)) return true;
    const adapter = error.meta?.driverAdapterError as
      { cause?: { kind?: string; code?: unknown } } | undefined;
    const cause = adapter?.cause;
    return CONNECTION_LOST_KINDS.has(cause?.kind ?? '') || isConnectionEnded(cause?.code);
  }
  if (!(error instanceof Error)) return false;
  return (
    isConnectionEnded((error as { code?: unknown }).code) ||
    PG_CONNECTION_LOST.some((message) => error.message.startsWith(message))
  );
}
