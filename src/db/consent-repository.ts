import type { Prisma } from '../generated/prisma/client';
import type { EnrolmentApplicationInput } from '../contract';
import { CURRENT_CONSENT_VERSION, purposesConsented } from '../domain/consent';
import type { Db } from './prisma-client';

/** The file name a case's paper consent form carries among its attachments. */
export const PAPER_CONSENT_FILE_NAME = 'paper-consent';

/**
 * The consent record of a new case, written with its read-model row; plain inserts that skip
 * duplicates, so the API's first write and the workflow's, racing in any order, write it once.
 * Offline, the signed paper form the staff uploaded becomes one of the case's attachments.
 */
export async function recordConsentOfNewCase(
  tx: Prisma.TransactionClient,
  application: EnrolmentApplicationInput,
): Promise<void> {
  const { applicationNo, form } = application;
  const paperSha = form.consent.paperForm?.documentSha256 ?? null;
  await tx.consentRecord.createMany({
    data: [
      {
        applicationNo,
        textVersion: form.consent.textVersion ?? CURRENT_CONSENT_VERSION,
        purposes: purposesConsented(form.consent),
        channel: form.channel,
        actor: application.submittedBy,
        givenAt: new Date(application.submittedAt),
        paperFormSha256: paperSha,
      },
    ],
    skipDuplicates: true,
  });
  const paper =
    paperSha && application.registrationPointId
      ? await tx.consentForm.findUnique({
          where: {
            pointId_sha256: { pointId: application.registrationPointId, sha256: paperSha },
          },
        })
      : null;
  if (!paper) return;
  await tx.attachment.createMany({
    data: [
      {
        applicationNo,
        sha256: paper.sha256,
        mimeType: paper.mimeType,
        size: paper.size,
        fileName: PAPER_CONSENT_FILE_NAME,
        storageKey: paper.storageKey,
        uploadedBy: paper.uploadedBy,
      },
    ],
    skipDuplicates: true,
  });
}

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
