import { Prisma } from '../generated/prisma/client';
import type { Db } from './prisma-client';
import type {
  AdmissionDelivery,
  EnrolmentApplicationInput,
  OfflineCheckConfirmation,
  SupplementProvided,
  SupplementRequest,
  TimelineEntry,
} from '../workflows/messages';
import type { CheckResult } from '../domain/verification/checks';
import type { EnrolmentStatus } from '../domain/enrolment';
import { maskResidentId } from '../domain/resident-id';

/** The form as reviewers read it beside the evidence: every ID number masked. */
function maskedStatement(form: EnrolmentApplicationInput['form']) {
  return {
    ...form,
    child: { ...form.child, idNumber: maskResidentId(form.child.idNumber) },
    guardians: form.guardians.map((g) => ({ ...g, idNumber: maskResidentId(g.idNumber) })),
  };
}

export interface CaseDetails {
  readonly reviewOverdue?: boolean;
  readonly supplementRequest?: SupplementRequest | null;
  readonly supplement?: SupplementProvided & { readonly seq: number };
  readonly offlineCheck?: OfflineCheckConfirmation;
  readonly admission?: AdmissionDelivery;
}

/**
 * The application read model. Every write is idempotent: a timeline entry is keyed by the
 * workflow's own sequence number, and the projection only moves forward in that sequence, so
 * activity retries and the API's own first write can arrive in any order.
 */
export class ApplicationRepository {
  constructor(private readonly db: Db) {}

  async recordTransition(
    application: EnrolmentApplicationInput,
    run: { workflowId: string; runId: string },
    entry: TimelineEntry,
  ): Promise<void> {
    const { form } = application;
    const at = new Date(entry.at);
    await this.db.$transaction(async (tx) => {
      await tx.application.upsert({
        where: { applicationNo: application.applicationNo },
        create: {
          applicationNo: application.applicationNo,
          workflowId: run.workflowId,
          runId: run.runId,
          ownerSub: application.ownerSub,
          submittedBy: application.submittedBy,
          registrationPointId: application.registrationPointId,
          seasonYear: form.seasonYear,
          stage: form.stage,
          countyCode: form.countyCode,
          formType: form.formType,
          channel: form.channel,
          childKey: application.childKey,
          childName: form.child.name,
          childIdMasked: application.childIdMasked,
          statement: maskedStatement(form),
          status: entry.to,
          lastEventSeq: entry.seq,
          statusChangedAt: at,
          submittedAt: new Date(application.submittedAt),
          updatedAt: at,
        },
        update: {},
      });
      await tx.applicationEvent.createMany({
        data: [
          {
            applicationNo: application.applicationNo,
            seq: entry.seq,
            fromStatus: entry.from,
            toStatus: entry.to,
            actor: entry.actor,
            channel: entry.channel,
            reason: entry.reason,
            occurredAt: at,
          },
        ],
        skipDuplicates: true,
      });
      await tx.application.updateMany({
        where: { applicationNo: application.applicationNo, lastEventSeq: { lt: entry.seq } },
        data: { status: entry.to, lastEventSeq: entry.seq, statusChangedAt: at, updatedAt: at },
      });
    });
  }

  async recordCheck(
    applicationNo: string,
    check: string,
    result: CheckResult,
    checkedAt: Date,
  ): Promise<void> {
    const data = {
      outcome: result.outcome,
      mismatchedFields: result.mismatchedFields,
      evidence: result.evidence as Prisma.InputJsonValue,
      checkedAt,
    };
    await this.db.verificationResult.upsert({
      where: { applicationNo_check: { applicationNo, check } },
      create: { applicationNo, check, ...data },
      update: data,
    });
  }

  findByNumber(applicationNo: string) {
    return this.db.application.findUnique({
      where: { applicationNo },
      include: {
        events: { orderBy: { seq: 'asc' } },
        verifications: { orderBy: { check: 'asc' } },
        assessment: true,
      },
    });
  }

  /** Next number in the season's sequence for a county; one row per county keeps numbers short. */
  async nextSequence(seasonYear: number, countyCode: string): Promise<number> {
    const rows = await this.db.$queryRaw<{ last_value: number }[]>`
      INSERT INTO application_number_counter (season_year, county_code, last_value)
      VALUES (${seasonYear}, ${countyCode}, 1)
      ON CONFLICT (season_year, county_code)
      DO UPDATE SET last_value = application_number_counter.last_value + 1
      RETURNING last_value`;
    return rows[0]!.last_value;
  }

  async statusOf(applicationNo: string): Promise<EnrolmentStatus | undefined> {
    const row = await this.db.application.findUnique({
      where: { applicationNo },
      select: { status: true },
    });
    return row?.status;
  }

  /** The newest application of a child for a season and stage (one workflow id, many runs). */
  latestForWorkflow(workflowId: string) {
    return this.db.application.findFirst({
      where: { workflowId },
      orderBy: { submittedAt: 'desc' },
      select: { applicationNo: true, status: true },
    });
  }

  listOwnedBy(ownerSub: string) {
    return this.db.application.findMany({
      where: { ownerSub },
      orderBy: { submittedAt: 'desc' },
      select: {
        applicationNo: true,
        seasonYear: true,
        stage: true,
        countyCode: true,
        status: true,
        childName: true,
        submittedAt: true,
      },
    });
  }

  /** Idempotent: flags and requests are set, a supplement is keyed by the entry it caused. */
  async recordDetails(applicationNo: string, details: CaseDetails): Promise<void> {
    const json = (value: unknown) => value as Prisma.InputJsonValue;
    await this.db.$transaction(async (tx) => {
      await tx.application.update({
        where: { applicationNo },
        data: {
          ...(details.reviewOverdue !== undefined && { reviewOverdue: details.reviewOverdue }),
          ...(details.supplementRequest !== undefined && {
            supplementRequest:
              details.supplementRequest === null ? Prisma.DbNull : json(details.supplementRequest),
          }),
          ...(details.offlineCheck && { offlineCheck: json(details.offlineCheck) }),
          ...(details.admission && { admission: json(details.admission) }),
        },
      });
      if (details.supplement) {
        const { seq, items, actor } = details.supplement;
        await tx.supplement.createMany({
          data: [{ applicationNo, seq, items: json(items), actor }],
          skipDuplicates: true,
        });
      }
    });
  }

  async saveAttachment(row: {
    applicationNo: string;
    sha256: string;
    mimeType: string;
    size: number;
    fileName: string;
    storageKey: string;
    uploadedBy: string;
  }): Promise<void> {
    await this.db.attachment.createMany({ data: [row], skipDuplicates: true });
  }

  attachments(applicationNo: string, sha256s: readonly string[]) {
    return this.db.attachment.findMany({ where: { applicationNo, sha256: { in: [...sha256s] } } });
  }
}
