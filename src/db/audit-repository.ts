import type { Prisma } from '../generated/prisma/client';
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
  constructor(private readonly db: Db) {}

  /** Appends the row; its id, as the chain drew it. */
  async append(entry: AuditEntry): Promise<bigint> {
    const { details, ...rest } = entry;
    const { id } = await this.db.auditLog.create({
      select: { id: true },
      data: {
        ...rest,
        ...(rest.applicationNo &&
          !rest.objectType && {
            objectType: 'application',
            objectId: rest.applicationNo,
          }),
        ...(details && { details: details as Prisma.InputJsonValue }),
      },
    });
    return id;
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
