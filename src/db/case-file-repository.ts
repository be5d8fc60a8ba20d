import type { Sealer } from '../encryption/sealer';
import type { Db } from './prisma-client';

/**
 * What a reviewer reads of a case's papers beside its status: the family's supplements (each with
 * the request it answered) and every document uploaded to it, their sealed fields opened.
 */
export class CaseFileRepository {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {}

  /** Each supplement with the timeline entry that asked for it (the last request before it). */
  async supplements(applicationNo: string) {
    const [rows, requests] = await Promise.all([
      this.db.supplement.findMany({ where: { applicationNo }, orderBy: { seq: 'asc' } }),
      this.db.applicationEvent.findMany({
        where: { applicationNo, toStatus: 'NEEDS_SUPPLEMENT' },
        orderBy: { seq: 'asc' },
      }),
    ]);
    return Promise.all(
      rows.map(async (row) => {
        const request = requests.filter((r) => r.seq < row.seq).pop();
        return {
          seq: row.seq,
          actor: row.actor,
          providedAt: row.providedAt,
          items: await this.sealer.open<unknown>(row.items),
          request: request
            ? { actor: request.actor, at: request.occurredAt, text: request.reason }
            : null,
        };
      }),
    );
  }

  async attachments(applicationNo: string) {
    const rows = await this.db.attachment.findMany({
      where: { applicationNo },
      orderBy: { uploadedAt: 'asc' },
    });
    return Promise.all(
      rows.map(async (r) => ({ ...r, fileName: await this.sealer.open(r.fileName) })),
    );
  }

  async attachment(applicationNo: string, sha256: string) {
    const row = await this.db.attachment.findUnique({
      where: { applicationNo_sha256: { applicationNo, sha256 } },
    });
    return row && { ...row, fileName: await this.sealer.open(row.fileName) };
  }
}
