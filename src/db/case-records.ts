import { Prisma } from '../generated/prisma/client';
import type { CaseDetails } from '../contract';
import type { CheckResult, CheckResultsByName } from '../domain/verification/checks';
import type { Sealer } from '../encryption/sealer';
import type { Db } from './prisma-client';
import { jsonb, utcTimestamp } from './sql-values';

/**
 * What a case gathers beside its status: the registries' evidence, the reviewers' requests and
 * the family's supplements, offline checks, the admission result (it may name a housing
 * certificate), documents. Whatever may speak of the family is sealed (src/encryption/sealer.ts).
 */
export class CaseRecords {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {}

  /**
   * The checks' outcomes and evidence, in one statement; a retry overwrites the same rows.
   * The column `check` is a reserved word in SQL, hence its quotes.
   */
  async recordChecks(
    applicationNo: string,
    checks: CheckResultsByName,
    checkedAt: Date,
  ): Promise<void> {
    const recorded = Object.entries(checks).filter(
      (entry): entry is [string, CheckResult] => entry[1] !== undefined,
    );
    const rows = await Promise.all(
      recorded.map(
        async ([check, result]) =>
          Prisma.sql`(${applicationNo}, ${check}, ${result.outcome}::"CheckOutcome",
            ${result.mismatchedFields}::text[], ${jsonb(await this.sealer.seal(result.evidence))},
            ${utcTimestamp(checkedAt)})`,
      ),
    );
    if (!rows.length) return;
    await this.db.$executeRaw`
      INSERT INTO verification_result
        (application_no, "check", outcome, mismatched_fields, evidence, checked_at)
      VALUES ${Prisma.join(rows)}
      ON CONFLICT (application_no, "check") DO UPDATE SET outcome = EXCLUDED.outcome,
        mismatched_fields = EXCLUDED.mismatched_fields, evidence = EXCLUDED.evidence,
        checked_at = EXCLUDED.checked_at`;
  }

  /** Idempotent: flags and requests are set, a supplement is keyed by the entry it caused. */
  async recordDetails(applicationNo: string, details: CaseDetails): Promise<void> {
    const { supplementRequest, offlineCheck, admission, supplement, appeal } = details;
    const sealed = {
      supplementRequest: supplementRequest && (await this.sealer.seal(supplementRequest)),
      offlineCheck: offlineCheck && (await this.sealer.seal(offlineCheck)),
      admission: admission && (await this.sealer.seal(admission)),
      appeal: appeal && (await this.sealer.seal(appeal)),
      items: supplement && (await this.sealer.seal(supplement.items)),
    };
    await this.db.$transaction(async (tx) => {
      await tx.application.update({
        where: { applicationNo },
        data: {
          ...(details.reviewOverdue !== undefined && { reviewOverdue: details.reviewOverdue }),
          ...(supplementRequest !== undefined && {
            supplementRequest: sealed.supplementRequest ?? Prisma.DbNull,
          }),
          ...(sealed.offlineCheck && { offlineCheck: sealed.offlineCheck }),
          ...(sealed.admission && { admission: sealed.admission }),
          ...(sealed.appeal && { appeal: sealed.appeal }),
          // A school and dates, nothing personal: kept readable for reports and operators.
          ...(details.place && { place: details.place as unknown as Prisma.InputJsonValue }),
          ...(details.offer && { offer: details.offer as unknown as Prisma.InputJsonValue }),
        },
      });
      if (supplement && sealed.items) {
        const { seq, actor } = supplement;
        await tx.supplement.createMany({
          data: [{ applicationNo, seq, items: sealed.items, actor }],
          skipDuplicates: true,
        });
      }
    });
  }

  /** A document's row; its name (often the family's) is sealed, its content is in the store. */
  async saveAttachment(row: {
    applicationNo: string;
    sha256: string;
    mimeType: string;
    size: number;
    fileName: string;
    storageKey: string;
    uploadedBy: string;
  }): Promise<void> {
    const fileName = await this.sealer.seal(row.fileName);
    await this.db.attachment.createMany({ data: [{ ...row, fileName }], skipDuplicates: true });
  }

  async attachments(applicationNo: string, sha256s: readonly string[]) {
    const rows = await this.db.attachment.findMany({
      where: { applicationNo, sha256: { in: [...sha256s] } },
    });
    return Promise.all(
      rows.map(async (r) => ({ ...r, fileName: await this.sealer.open(r.fileName) })),
    );
  }
}
