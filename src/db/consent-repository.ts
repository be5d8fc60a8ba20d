import type { Db } from './prisma-client';

/** The file name a case's paper consent form carries among its attachments. */
export const PAPER_CONSENT_FILE_NAME = 'paper-consent';

/** Consent records, their withdrawal, and the paper forms staff upload before an offline entry. */
export class ConsentRepository {
  constructor(private readonly db: Db) {}

  async saveForm(row: {
    pointId: string;
    sha256: string;
    storageKey: string;
    mimeType: string;
    size: number;
    uploadedBy: string;
  }): Promise<void> {
    await this.db.consentForm.createMany({ data: [row], skipDuplicates: true });
  }

  async hasForm(pointId: string, sha256: string): Promise<boolean> {
    const form = await this.db.consentForm.findUnique({
      where: { pointId_sha256: { pointId, sha256 } },
      select: { sha256: true },
    });
    return form !== null;
  }

  forCase(applicationNo: string) {
    return this.db.consentRecord.findUnique({ where: { applicationNo } });
  }

  /** The first withdrawal is the one recorded; repeating it changes nothing. */
  async markWithdrawn(applicationNo: string, actor: string, at: Date): Promise<void> {
    await this.db.consentRecord.updateMany({
      where: { applicationNo, withdrawnAt: null },
      data: { withdrawnAt: at, withdrawnBy: actor },
    });
  }
}
