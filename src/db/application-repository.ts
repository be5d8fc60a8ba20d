import type { Db } from './prisma-client';
import { claimApplicationNo, type NumberClaim } from './application-number-claims';
import { adoptRun, resetsOf } from './case-resets';
import { CaseRecords } from './case-records';
import { openAssessment } from './eligibility-repository';
import type { Sealer } from '../encryption/sealer';
import { appendTransition, recordSubmission, recordTransition } from './case-timeline';
import type { CaseDetails, EnrolmentApplicationInput, TimelineEntry } from '../contract';
import type { CheckResultsByName } from '../domain/verification/checks';
import { FINAL_STATUSES, type EnrolmentStatus } from '../domain/enrolment';

/**
 * The application read model, its personal fields sealed (the child's name, the statement, and
 * what case-records.ts keeps). Every write is idempotent: a timeline entry is keyed by the
 * workflow's own sequence number, and the projection only moves forward in that sequence, so
 * activity retries and the API's own first write can arrive in any order.
 */
export class ApplicationRepository {
  private readonly records: CaseRecords;

  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {
    this.records = new CaseRecords(db, sealer);
  }

  recordTransition(
    application: EnrolmentApplicationInput,
    run: { workflowId: string; runId: string },
    entry: TimelineEntry,
  ): Promise<'recorded' | 'otherRun'> {
    return recordTransition(this.db, this.sealer, application, run, entry);
  }

  /** The first entry written on submission, creating the case's row (src/db/case-timeline.ts). */
  recordSubmission(
    application: EnrolmentApplicationInput,
    run: { workflowId: string; runId: string },
    entry: TimelineEntry,
  ): Promise<'recorded' | 'otherRun'> {
    return recordSubmission(this.db, this.sealer, application, run, entry);
  }

  /** After a reset, the read model follows the new run (src/db/case-resets.ts). */
  adoptRun(applicationNo: string, runId: string, keptThroughSeq: number): Promise<boolean> {
    return adoptRun(this.db, this.sealer, { applicationNo, runId, keptThroughSeq });
  }

  /** The newest application of each workflow, as the operations console lists them. */
  async latestForWorkflows(workflowIds: readonly string[]) {
    const rows = await this.db.application.findMany({
      where: { workflowId: { in: [...workflowIds] } },
      orderBy: { submittedAt: 'desc' },
      select: {
        applicationNo: true,
        workflowId: true,
        runId: true,
        status: true,
        stage: true,
        countyCode: true,
        statusChangedAt: true,
        reviewOverdue: true,
      },
    });
    const latest = new Map<string, (typeof rows)[number]>();
    for (const row of rows) if (!latest.has(row.workflowId)) latest.set(row.workflowId, row);
    return latest;
  }

  /** Cases per status in some counties (all of them when `counties` is null). */
  async statusCounts(counties: readonly string[] | null) {
    const groups = await this.db.application.groupBy({
      by: ['status'],
      where: counties ? { countyCode: { in: [...counties] } } : {},
      _count: { _all: true },
    });
    return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
  }

  /** Open cases overdue for review, and open cases in one status since before `since`. */
  async openProblemCounts(counties: readonly string[] | null, since: Date) {
    const open = {
      status: { notIn: [...FINAL_STATUSES] },
      ...(counties && { countyCode: { in: [...counties] } }),
    };
    const [overdue, long] = await Promise.all([
      this.db.application.count({ where: { ...open, reviewOverdue: true } }),
      this.db.application.count({ where: { ...open, statusChangedAt: { lte: since } } }),
    ]);
    return { REVIEW_OVERDUE: overdue, LONG_IN_STATE: long };
  }

  resets(applicationNo: string) {
    return resetsOf(this.db, this.sealer, applicationNo);
  }

  /** The run the read model follows, for a case found by its workflow id. */
  followedRun(applicationNo: string) {
    return this.db.application.findUnique({
      where: { applicationNo },
      select: { workflowId: true, runId: true, status: true, lastEventSeq: true },
    });
  }

  /** A status change made outside the workflow (an operator terminating it); case-timeline.ts. */
  appendTransition(
    applicationNo: string,
    runId: string,
    entry: { to: EnrolmentStatus; actor: string; reason: string },
  ): Promise<{ seq: number; from: EnrolmentStatus; at: Date } | null> {
    return appendTransition(this.db, applicationNo, runId, entry);
  }

  recordChecks(applicationNo: string, checks: CheckResultsByName, checkedAt: Date) {
    return this.records.recordChecks(applicationNo, checks, checkedAt);
  }

  /** A case with its timeline, evidence and assessment, its personal fields opened. */
  async findByNumber(applicationNo: string) {
    const row = await this.db.application.findUnique({
      where: { applicationNo },
      include: {
        events: { orderBy: { seq: 'asc' } },
        verifications: { orderBy: { check: 'asc' } },
        assessment: true,
        consent: true,
      },
    });
    if (!row) return null;
    const open = <T>(value: T) => this.sealer.open(value);
    return {
      ...row,
      childName: await open(row.childName),
      statement: await open(row.statement),
      supplementRequest: await open(row.supplementRequest),
      admission: await open(row.admission),
      offlineCheck: await open(row.offlineCheck),
      appeal: await open(row.appeal),
      verifications: await Promise.all(
        row.verifications.map(async (v) => ({ ...v, evidence: await open(v.evidence) })),
      ),
      assessment: row.assessment && (await openAssessment(this.sealer, row.assessment)),
    };
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

  /** The number for a child's next case, taken once however many duplicates race for it. */
  claimApplicationNo(claim: NumberClaim) {
    return claimApplicationNo(this.db, claim);
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

  async listOwnedBy(ownerSub: string) {
    const rows = await this.db.application.findMany({
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
    return Promise.all(
      rows.map(async (r) => ({ ...r, childName: await this.sealer.open(r.childName) })),
    );
  }

  recordDetails(applicationNo: string, details: CaseDetails): Promise<void> {
    return this.records.recordDetails(applicationNo, details);
  }

  saveAttachment(row: Parameters<CaseRecords['saveAttachment']>[0]): Promise<void> {
    return this.records.saveAttachment(row);
  }

  /** How many documents a case holds and their bytes, for its upload quota. */
  async attachmentUsage(applicationNo: string): Promise<{ files: number; bytes: number }> {
    const usage = await this.db.attachment.aggregate({
      where: { applicationNo },
      _count: { _all: true },
      _sum: { size: true },
    });
    return { files: usage._count._all, bytes: usage._sum.size ?? 0 };
  }

  attachments(applicationNo: string, sha256s: readonly string[]) {
    return this.records.attachments(applicationNo, sha256s);
  }
}
