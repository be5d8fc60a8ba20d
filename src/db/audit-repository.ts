import type { Prisma } from '../generated/prisma/client';
import { GroupCommit } from './group-commit';
import type { Db } from './prisma-client';

export const AUDIT_RESULTS = ['SUCCESS', 'DENIED', 'FAILED'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditEntry {
  /** The subject: `actorOf(principal)`, or `anonymous`. */
  readonly actor: string;
  readonly role: string;
  readonly countyCode: string | null;
  readonly action: string;
  readonly applicationNo: string | null;
  readonly beforeStatus: string | null;
  readonly afterStatus: string | null;
  readonly reason: string | null;
  /** The server's request id. */
  readonly requestId: string | null;
  /** The caller's X-Request-Id, never mistaken for the server's. */
  readonly clientRequestId?: string | null;
  readonly sourceAddress?: string | null;
  /** SUCCESS unless said otherwise; DENIED for 401, 403 and 404 by scope. */
  readonly result?: AuditResult;
  readonly statusCode?: number | null;
  /** The object, by kind and id (an application number, a policy id): never personal data. */
  readonly objectType?: string | null;
  readonly objectId?: string | null;
  /** What an operator action changed, beyond the status. */
  readonly details?: Record<string, unknown>;
}

/**
 * The append-only, hash-chained audit log (docs/audit.md): the application's role may only insert
 * and read; the insert trigger chains each row to the one before.
 */
export class AuditRepository {
  /**
   * Rows go in as group commits: each chained row holds the chain's region-wide lock until its
   * commit, so rows written one by one queue for it; in one statement they share it and the commit.
   */
  private readonly rows: GroupCommit<AuditEntry, bigint>;

  constructor(private readonly db: Db) {
    this.rows = new GroupCommit(
      (entries) => this.insertAll(entries),
      (entry) => this.insertOne(entry),
      GROUP_COMMIT_MAX_ROWS,
    );
  }

  /** Appends the row once it is stored; its id, as the chain drew it. */
  append(entry: AuditEntry): Promise<bigint> {
    return this.rows.write(entry);
  }

  /** Appends the row in a statement of its own. */
  async insertOne(entry: AuditEntry): Promise<bigint> {
    const { id } = await this.db.auditLog.create({ select: { id: true }, data: rowOf(entry) });
    return id;
  }

  /**
   * Appends the rows in one statement, in their order. The trigger draws each row's id under the
   * chain's lock as it inserts them in turn, so the ids ascend in the rows' order.
   */
  private async insertAll(entries: readonly AuditEntry[]): Promise<bigint[]> {
    const rows = await this.db.auditLog.createManyAndReturn({
      select: { id: true },
      data: entries.map(rowOf),
    });
    return rows.map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** A successful row of this action for this case, and whether a later one already used it. */
  async approval(id: bigint, applicationNo: string, action: string, usedBy: string) {
    const row = await this.db.auditLog.findFirst({
      where: { id, applicationNo, action, result: 'SUCCESS' },
    });
    if (!row) return undefined;
    const uses = await this.db.auditLog.count({
      where: {
        applicationNo,
        action: usedBy,
        details: { path: ['approvalId'], equals: String(id) },
      },
    });
    return { row, used: uses > 0 };
  }

  /** Newest first, `limit` rows older than `before` (an id), within the counties (null: all). */
  search(filter: AuditFilter, page: { readonly limit: number; readonly before?: bigint }) {
    return this.db.auditLog.findMany({
      where: { ...whereOf(filter), ...(page.before !== undefined && { id: { lt: page.before } }) },
      orderBy: { id: 'desc' },
      take: page.limit,
    });
  }

  forCase(applicationNo: string) {
    return this.db.auditLog.findMany({ where: { applicationNo }, orderBy: { id: 'asc' } });
  }
}

/** Rows a group commit takes at most: a statement well under PostgreSQL's 65 535 parameters. */
const GROUP_COMMIT_MAX_ROWS = 200;

function rowOf(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  const { details, ...rest } = entry;
  return {
    ...rest,
    ...(rest.applicationNo &&
      !rest.objectType && { objectType: 'application', objectId: rest.applicationNo }),
    ...(details && { details: details as Prisma.InputJsonValue }),
  };
}

/** What an auditor may narrow the log to; `counties` is the caller's scope (null: all of Guangxi). */
export interface AuditFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly actor?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly result?: AuditResult;
  readonly counties: readonly string[] | null;
}

function whereOf(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const { from, to, counties, ...exact } = filter;
  const defined = Object.entries(exact).filter(([, v]) => v !== undefined);
  return {
    ...Object.fromEntries(defined),
    ...((from ?? to) && { occurredAt: { ...(from && { gte: from }), ...(to && { lt: to }) } }),
    ...(counties && { countyCode: { in: [...counties] } }),
  };
}
