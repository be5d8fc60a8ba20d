import type { Prisma } from '../generated/prisma/client';
import type { Db } from './prisma-client';

export interface AuditEntry {
  readonly actor: string;
  readonly role: string;
  readonly countyCode: string | null;
  readonly action: string;
  readonly applicationNo: string | null;
  readonly beforeStatus: string | null;
  readonly afterStatus: string | null;
  readonly reason: string | null;
  readonly requestId: string | null;
  /** What an operator action changed, beyond the status. */
  readonly details?: Record<string, unknown>;
}

/** The append-only audit log (DESIGN.md §6); the database refuses updates and deletes. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  async append(entry: AuditEntry): Promise<void> {
    const { details, ...rest } = entry;
    await this.db.auditLog.create({
      data: { ...rest, ...(details && { details: details as Prisma.InputJsonValue }) },
    });
  }

  forCase(applicationNo: string) {
    return this.db.auditLog.findMany({ where: { applicationNo }, orderBy: { id: 'asc' } });
  }
}
