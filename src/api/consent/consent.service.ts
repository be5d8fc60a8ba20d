import { Inject, Injectable } from '@nestjs/common';
import type { ConsentRepository } from '../../db/consent-repository';
import { canWithdrawCase } from '../../domain/case-access';
import { CONSENT_TEXTS, CURRENT_CONSENT_VERSION, CONSENT_PURPOSES } from '../../domain/consent';
import type { ConsentPurpose } from '../../domain/consent';
import { detectAttachmentType } from '../../domain/attachments';
import { ForbiddenError, RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { actorOf, type Principal } from '../../domain/principal';
import { CONSENT_WITHDRAWN_REASON } from '../../domain/timeline-reasons';
import { withdrawUpdate, type TransitionResult } from '../../contract';
import type { AttachmentStore } from '../../storage/attachment-store';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { ATTACHMENT_STORE, CONSENT } from '../injection-tokens';

/** The consent texts, the paper forms signed at registration points, and withdrawing consent. */
@Injectable()
export class ConsentService {
  constructor(
    @Inject(CONSENT) private readonly consent: ConsentRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly cases: CaseGateway,
  ) {}

  texts() {
    return CONSENT_TEXTS.map((t) => ({
      version: t.version,
      publishedOn: t.publishedOn,
      current: t.version === CURRENT_CONSENT_VERSION,
      purposes: (Object.keys(CONSENT_PURPOSES) as ConsentPurpose[]).map((purpose) => ({
        purpose,
        formField: CONSENT_PURPOSES[purpose],
        text: t.texts[purpose],
      })),
    }));
  }

  /** Staff scan the form the guardian signed and upload it before they submit the entry. */
  async uploadPaperForm(principal: Principal, file: Express.Multer.File | undefined) {
    // Only staff of a registration point take paper forms; the entry must come from that point.
    if (!principal.pointId)
      throw new ForbiddenError('only staff of a registration point upload consent forms');
    if (!file) throw new RuleViolationError([violation('file', 'REQUIRED')]);
    const mimeType = detectAttachmentType(file.buffer);
    if (!mimeType) throw new RuleViolationError([violation('file', 'ATTACHMENT_TYPE')]);
    const { sha256, storageKey } = await this.store.put(file.buffer);
    await this.consent.saveForm({
      pointId: principal.pointId,
      sha256,
      storageKey,
      mimeType,
      size: file.size,
      uploadedBy: actorOf(principal),
    });
    return { sha256, mimeType, size: file.size };
  }

  /** Withdrawing consent before a decision withdraws the case; the timeline says why. */
  async withdraw(applicationNo: string, caller: CallerContext): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    const actor = actorOf(caller.principal);
    const result = await this.cases.update(
      row,
      caller,
      { action: 'WITHDRAW_CONSENT', reason: CONSENT_WITHDRAWN_REASON },
      (handle) =>
        handle.executeUpdate(withdrawUpdate, {
          args: [{ actor, reason: CONSENT_WITHDRAWN_REASON }],
        }),
    );
    await this.consent.markWithdrawn(row.applicationNo, actor, new Date());
    return result;
  }
}
