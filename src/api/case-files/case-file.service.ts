import { Inject, Injectable } from '@nestjs/common';
import type { CaseFileRepository } from '../../db/case-file-repository';
import { canDecideCase } from '../../domain/case-access';
import { NotFoundError } from '../../domain/errors';
import { SUPPLEMENT_ITEMS } from '../../domain/review';
import type { AttachmentStore } from '../../storage/attachment-store';
import type { SupplementProvided } from '../../contract';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { ATTACHMENT_STORE, CASE_FILES } from '../injection-tokens';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The reviewer's case file: the family's statement, every supplement with the request it
 * answered, the documents, the offline check and the appeal; and the documents themselves. The
 * same county scope as the review's decisions (`canDecideCase`); reads are audited by the route.
 */
@Injectable()
export class CaseFileService {
  constructor(
    private readonly cases: CaseGateway,
    @Inject(CASE_FILES) private readonly files: CaseFileRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
  ) {}

  async read(applicationNo: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    const [supplements, attachments] = await Promise.all([
      this.files.supplements(row.applicationNo),
      this.files.attachments(row.applicationNo),
    ]);
    const href = (sha256: string) => `/applications/${row.applicationNo}/attachments/${sha256}`;
    return {
      applicationNo: row.applicationNo,
      status: row.status,
      countyCode: row.countyCode,
      statement: row.statement,
      supplementRequest: row.supplementRequest,
      supplements: supplements.map((s) => ({
        seq: s.seq,
        actor: s.actor,
        providedAt: s.providedAt.toISOString(),
        request: s.request && { ...s.request, at: s.request.at.toISOString() },
        items: (s.items as SupplementProvided['items']).map((i) => ({
          item: i.item,
          label: SUPPLEMENT_ITEMS[i.item] ?? null,
          text: i.text ?? null,
          attachments: i.attachments.map((a) => ({ ...a, href: href(a.sha256) })),
        })),
      })),
      attachments: attachments.map((a) => ({
        sha256: a.sha256,
        mimeType: a.mimeType,
        size: a.size,
        fileName: a.fileName,
        uploadedBy: a.uploadedBy,
        uploadedAt: a.uploadedAt.toISOString(),
        href: href(a.sha256),
      })),
      offlineCheck: row.offlineCheck,
      appeal: row.appeal,
    };
  }

  /** One document's bytes as the family sent them, with what the reviewer's browser needs. */
  async document(applicationNo: string, sha256: string, caller: CallerContext) {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    const found = SHA256.test(sha256)
      ? await this.files.attachment(row.applicationNo, sha256)
      : null;
    if (!found) throw new NotFoundError('document');
    return {
      content: await this.store.get(found.storageKey),
      mimeType: found.mimeType,
      fileName: found.fileName,
    };
  }
}
