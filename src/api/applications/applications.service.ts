import { Inject, Injectable } from '@nestjs/common';
import { temporalRunUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import { appealForFamily, type AppealRecord } from '../../domain/appeals';
import {
  placeForFamily,
  type OfferRecord,
  type PlaceRecord,
} from '../../domain/place-confirmation';
import { canReadCase, canWithdrawCase } from '../../domain/case-access';
import { RuleViolationError } from '../../domain/errors';
import { guidanceFor } from '../../domain/family-guidance';
import { detectAttachmentType } from '../../domain/attachments';
import type { SupplementItem } from '../../domain/review';
import type { AttachmentStore } from '../../storage/attachment-store';
import { violation } from '../../domain/forms/violations';
import { actorOf } from '../../domain/principal';
import {
  provideSupplementUpdate,
  withdrawUpdate,
  type AttachmentRef,
  type SupplementProvided,
  type TransitionResult,
} from '../../contract';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { consentOf, familyView, isFamily, officialView, timelineOf } from '../cases/case-views';
import { API_CONFIG, ATTACHMENT_STORE, APPLICATION_REPOSITORY } from '../injection-tokens';

/** Reading, withdrawing and supplementing applications; every access is checked here. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly cases: CaseGateway,
    @Inject(ATTACHMENT_STORE) private readonly attachmentStore: AttachmentStore,
  ) {}

  /** A family's own applications, newest first. */
  async listMine(caller: CallerContext) {
    const owner =
      caller.principal.role === 'PARENT' ? caller.principal.sub : await this.cases.familyOf(caller);
    if (!owner) return [];
    const rows = await this.applications.listOwnedBy(owner);
    return rows.map((row) => ({
      ...row,
      submittedAt: row.submittedAt.toISOString(),
      guidance: guidanceFor(row.status),
    }));
  }

  async get(applicationNo: string, caller: CallerContext) {
    const found = await this.cases.find(applicationNo, caller, canReadCase);
    const view = await this.cases.liveView(found.workflowId, found.runId);
    // A run takes its next step before that step's write lands, and what it wrote just before
    // (the checks, an assessment) may have landed after the row was read: a run ahead of the row
    // means reading it again, so the checks shown are never older than the status.
    const ahead = view !== undefined && view.timeline.length > found.lastEventSeq;
    const row = (ahead && (await this.applications.findByNumber(applicationNo))) || found;
    // The read model can know more than the run: an operator's terminate is recorded only there.
    const live = view && view.timeline.length >= row.lastEventSeq ? view : undefined;
    const status = live?.status ?? row.status;
    return {
      applicationNo: row.applicationNo,
      status,
      statusSource: live ? 'workflow' : 'read-model',
      guidance: guidanceFor(status),
      seasonYear: row.seasonYear,
      stage: row.stage,
      countyCode: row.countyCode,
      formType: row.formType,
      channel: row.channel,
      child: { name: row.childName, idNumber: row.childIdMasked },
      submittedAt: row.submittedAt.toISOString(),
      timeline: live ? live.timeline : timelineOf(row),
      consent: consentOf(row),
      appeal: appealForFamily(
        live ? (live.appeal ?? null) : (row.appeal as AppealRecord | null),
        live?.appealDeadline ?? null,
      ),
      ...placeForFamily(
        live ? (live.place ?? null) : (row.place as unknown as PlaceRecord | null),
        live ? (live.offer ?? null) : (row.offer as unknown as OfferRecord | null),
      ),
      ...(isFamily(caller.principal) ? familyView(row) : officialView(row)),
      ...(isFamily(caller.principal)
        ? {}
        : {
            temporal: {
              workflowId: row.workflowId,
              runId: row.runId,
              webUi: temporalRunUrl(this.config, row),
            },
          }),
    };
  }

  async withdraw(
    applicationNo: string,
    caller: CallerContext,
    reason?: string,
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    return this.cases.update(
      row,
      caller,
      { action: 'WITHDRAW', reason: reason ?? null },
      (handle) =>
        handle.executeUpdate(withdrawUpdate, {
          args: [{ actor: actorOf(caller.principal), ...(reason ? { reason } : {}) }],
        }),
    );
  }

  /** Stores one document for the case after checking what it really is. */
  async uploadAttachment(
    applicationNo: string,
    caller: CallerContext,
    file: Express.Multer.File | undefined,
  ) {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    if (!file) throw new RuleViolationError([violation('file', 'REQUIRED')]);
    const mimeType = detectAttachmentType(file.buffer);
    if (!mimeType) throw new RuleViolationError([violation('file', 'ATTACHMENT_TYPE')]);
    const { sha256, storageKey } = await this.attachmentStore.put(file.buffer);
    // Control characters and path separators have no place in a file name shown to reviewers.
    // eslint-disable-next-line no-control-regex
    const fileName = file.originalname.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200);
    await this.applications.saveAttachment({
      applicationNo: row.applicationNo,
      sha256,
      mimeType,
      size: file.size,
      fileName,
      storageKey,
      uploadedBy: actorOf(caller.principal),
    });
    return { sha256, mimeType, size: file.size, fileName };
  }

  /** The family's answer to a supplement request; documents must have been uploaded to this case. */
  async provideSupplement(
    applicationNo: string,
    caller: CallerContext,
    items: { item: string; text?: string; attachments: string[] }[],
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    const provided = await this.supplementFor(row.applicationNo, items, actorOf(caller.principal));
    return this.cases.update(
      row,
      caller,
      { action: 'PROVIDE_SUPPLEMENT', reason: items.map((i) => i.item).join(', ') },
      (handle) => handle.executeUpdate(provideSupplementUpdate, { args: [provided] }),
    );
  }

  /** A supplement as the workflow takes it; its documents must have been uploaded to the case. */
  async supplementFor(
    applicationNo: string,
    items: readonly { item: string; text?: string; attachments: readonly string[] }[],
    actor: string,
  ): Promise<SupplementProvided> {
    const wanted = [...new Set(items.flatMap((i) => i.attachments))];
    const stored = new Map(
      (await this.applications.attachments(applicationNo, wanted)).map((a) => [a.sha256, a]),
    );
    const violations = items.flatMap((i, n) =>
      i.attachments.flatMap((sha, k) =>
        stored.has(sha) ? [] : [violation(`items[${n}].attachments[${k}]`, 'ATTACHMENT_UNKNOWN')],
      ),
    );
    if (violations.length) throw new RuleViolationError(violations);
    return {
      actor,
      items: items.map((i) => ({
        item: i.item as SupplementItem,
        ...(i.text && { text: i.text }),
        attachments: i.attachments.map((sha) => {
          const a = stored.get(sha)!;
          return {
            sha256: a.sha256,
            mimeType: a.mimeType as AttachmentRef['mimeType'],
            size: a.size,
            fileName: a.fileName,
          };
        }),
      })),
    };
  }
}
