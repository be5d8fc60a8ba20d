import { Prisma } from '../generated/prisma/client';
import { batchesOf } from './batches';
import type {
  Allocation,
  AllocationSchool,
  Applicant,
  ApplicantResult,
  Mechanism,
} from '../domain/allocation/model';
import type { ReportingArrangement } from '../domain/admission-notice';
import type { PlaceRecord } from '../domain/place-confirmation';
import type { RoundBasis } from '../domain/allocation/later-rounds';
import type { PublishedRound } from '../domain/allocation/verify';
import type { Stage } from '../domain/enrolment';
import type { Sealer } from '../encryption/sealer';
import { openAssessment } from './eligibility-repository';
import { claimReleases, placements, releasesOf } from './round-releases';
import type { Db } from './prisma-client';

/** A frozen applicant: what allocation ranks, plus where to deliver the result. */
export interface FrozenApplicant {
  readonly applicationNo: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly entry: Applicant & { readonly certificateNo: string | null };
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Admission rounds: their frozen inputs, their results, and delivery progress. */
export class RoundRepository {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {}

  create(round: {
    id: string;
    countyCode: string;
    stage: Stage;
    seasonYear: number;
    mechanism: string;
    seed: string;
    seedCommitment: string;
    algorithm: string;
    createdBy: string;
    sequence: number;
  }) {
    return this.db.admissionRound.create({ data: { ...round, status: 'CREATED' } });
  }

  find(id: string) {
    return this.db.admissionRound.findUnique({ where: { id } });
  }

  /** The round, for an activity that cannot go on without it. */
  async get(id: string) {
    const round = await this.find(id);
    if (!round) throw new Error(`round ${id} does not exist`);
    return round;
  }

  /** The season's rounds of a county and stage, in order. */
  season(countyCode: string, stage: Stage, seasonYear: number) {
    return this.db.admissionRound.findMany({
      where: { countyCode, stage, seasonYear },
      orderBy: { sequence: 'asc' },
    });
  }

  /**
   * The cases a round takes, with their assessed priorities: the approved, and for a 补录 round
   * also those an earlier round did not place and those keeping a place while it looks for a
   * better one (an accepted appeal, domain/appeals.ts; `place` names the place they keep).
   */
  async approvedCases(countyCode: string, stage: Stage, seasonYear: number, unplaced = false) {
    const season = { countyCode, stage, seasonYear };
    const later: Prisma.ApplicationWhereInput = {
      OR: [
        { status: { in: ['APPROVED', 'NOT_ADMITTED'] } },
        {
          status: { in: ['ADMITTED', 'ASSIGNED_BY_BUREAU'] },
          place: { path: ['reconsider'], equals: true },
        },
      ],
    };
    const rows = await this.db.application.findMany({
      where: unplaced ? { ...season, ...later } : { ...season, status: 'APPROVED' },
      select: { applicationNo: true, workflowId: true, runId: true, assessment: true, place: true },
      orderBy: { applicationNo: 'asc' },
    });
    return Promise.all(
      rows.map(async (r) => ({
        ...r,
        place: r.place as unknown as PlaceRecord | null,
        assessment: r.assessment && (await openAssessment(this.sealer, r.assessment)),
      })),
    );
  }

  schools(countyCode: string, stage: Stage) {
    return this.db.school.findMany({ where: { countyCode, stage }, orderBy: { id: 'asc' } });
  }

  /** When and with what families report at the county's schools in the season, per school. */
  async reporting(
    countyCode: string,
    stage: Stage,
    seasonYear: number,
  ): Promise<Map<string, ReportingArrangement>> {
    const rows = await this.db.schoolReporting.findMany({
      where: { seasonYear, school: { countyCode, stage } },
    });
    return new Map(
      rows.map((r) => [
        r.schoolId,
        {
          from: r.reportFrom.toISOString(),
          until: r.reportUntil.toISOString(),
          materials: r.materials as unknown as ReportingArrangement['materials'],
        },
      ]),
    );
  }

  async freeze(
    roundId: string,
    applicants: readonly FrozenApplicant[],
    schools: readonly AllocationSchool[],
    listHash: string,
    policyVersion: string,
    basis: RoundBasis | null = null,
  ): Promise<void> {
    // The certificate to lock on admission is the family's; what the draw ranks stays readable.
    const entries = await Promise.all(
      applicants.map(async ({ entry }) => ({
        ...entry,
        certificateNo: entry.certificateNo && (await this.sealer.seal(entry.certificateNo)),
      })),
    );
    await this.db.$transaction(async (tx) => {
      await tx.admissionRoundApplicant.createMany({
        data: applicants.map((a, i) => ({
          roundId,
          applicationNo: a.applicationNo,
          workflowId: a.workflowId,
          runId: a.runId,
          entry: json(entries[i]),
        })),
        skipDuplicates: true,
      });
      await tx.admissionRound.update({
        where: { id: roundId },
        data: {
          status: 'FROZEN',
          applicantListHash: listHash,
          schools: json(schools),
          policyVersion,
          ...(basis && { basis: json(basis) }),
        },
      });
    });
  }

  async frozenApplicants(roundId: string): Promise<FrozenApplicant[]> {
    const rows = await this.db.admissionRoundApplicant.findMany({
      where: { roundId },
      orderBy: { applicationNo: 'asc' },
    });
    return Promise.all(
      rows.map(async (r) => ({
        applicationNo: r.applicationNo,
        workflowId: r.workflowId,
        runId: r.runId,
        entry: await this.openEntry(r.entry as unknown as FrozenApplicant['entry']),
      })),
    );
  }

  /** One applicant's frozen entry in a round, if the round froze it. */
  async frozenEntry(roundId: string, applicationNo: string) {
    const row = await this.db.admissionRoundApplicant.findUnique({
      where: { roundId_applicationNo: { roundId, applicationNo } },
    });
    return row && this.openEntry(row.entry as unknown as FrozenApplicant['entry']);
  }

  private async openEntry(entry: FrozenApplicant['entry']): Promise<FrozenApplicant['entry']> {
    return { ...entry, certificateNo: await this.sealer.open(entry.certificateNo) };
  }

  async saveDraw(roundId: string, allocation: Allocation): Promise<void> {
    await this.db.$transaction(async (tx) => {
      for (const batch of batchesOf(allocation.results, 1000)) {
        await tx.admissionResult.createMany({
          data: batch.map((r) => ({
            roundId,
            applicationNo: r.applicantId,
            placement: json(r.placement),
            choices: json(r.choices),
          })),
          skipDuplicates: true,
        });
      }
      await tx.admissionRound.update({
        where: { id: roundId },
        data: { status: 'DRAWN', drawnAt: new Date(), summary: json(allocation.schools) },
      });
    });
  }

  async publishedResults(roundId: string): Promise<ApplicantResult[]> {
    const rows = await this.db.admissionResult.findMany({
      where: { roundId },
      orderBy: { applicationNo: 'asc' },
    });
    return rows.map((r) => ({
      applicantId: r.applicationNo,
      placement: r.placement as unknown as ApplicantResult['placement'],
      choices: r.choices as unknown as ApplicantResult['choices'],
    }));
  }

  async undelivered(roundId: string, limit: number) {
    const rows = await this.db.$queryRaw<
      {
        application_no: string;
        workflow_id: string;
        run_id: string;
        placement: ApplicantResult['placement'];
        choices: ApplicantResult['choices'];
        entry: FrozenApplicant['entry'];
      }[]
    >`
      SELECT r.application_no, a.workflow_id, a.run_id, r.placement, r.choices, a.entry
      FROM admission_result r JOIN admission_round_applicant a ON a.round_id = r.round_id AND a.application_no = r.application_no
      WHERE r.round_id = ${roundId} AND r.delivered_at IS NULL
      ORDER BY r.application_no LIMIT ${limit}`;
    return Promise.all(rows.map(async (r) => ({ ...r, entry: await this.openEntry(r.entry) })));
  }

  async markDelivered(roundId: string, applicationNos: readonly string[]): Promise<void> {
    await this.db.admissionResult.updateMany({
      where: { roundId, applicationNo: { in: [...applicationNos] }, deliveredAt: null },
      data: { deliveredAt: new Date() },
    });
  }

  /** How far a drawn round's delivery has gone: results drawn, and those a case has taken. */
  async deliveryProgress(roundId: string): Promise<{ results: number; delivered: number }> {
    const [row] = await this.db.$queryRaw<{ results: number; delivered: number }[]>`
      SELECT count(*)::int AS results, count(delivered_at)::int AS delivered
      FROM admission_result WHERE round_id = ${roundId}`;
    return row!;
  }

  async publish(roundId: string): Promise<void> {
    await this.db.admissionRound.update({ where: { id: roundId }, data: { status: 'PUBLISHED' } });
  }

  /** Claims for a later round the places its earlier rounds released unfilled (round-releases.ts). */
  claimReleases(roundId: string, earlierRoundIds: readonly string[]) {
    return claimReleases(this.db, roundId, earlierRoundIds);
  }

  /** Each round's results as published now, placements only. */
  placements(roundIds: readonly string[]) {
    return placements(this.db, roundIds);
  }

  /** Everything a drawn round published, as verification needs it; undefined if not drawn. */
  async publishedRound(roundId: string): Promise<PublishedRound | undefined> {
    const round = await this.find(roundId);
    if (!round || (round.status !== 'DRAWN' && round.status !== 'PUBLISHED')) return undefined;
    const [applicants, results] = await Promise.all([
      this.frozenApplicants(roundId),
      this.publishedResults(roundId),
    ]);
    const basis = round.basis as unknown as RoundBasis | null;
    const later = basis && {
      basis,
      evidence: {
        earlierResults: Object.fromEntries(
          await placements(
            this.db,
            basis.earlierRounds.map((r) => r.roundId),
          ),
        ),
        released: Object.fromEntries(await releasesOf(this.db, roundId)),
      },
    };
    return {
      ...(later && { later }),
      seed: round.seed,
      seedCommitment: round.seedCommitment,
      applicantListHash: round.applicantListHash ?? '',
      mechanism: round.mechanism as Mechanism,
      schools: round.schools as unknown as AllocationSchool[],
      applicants: applicants.map((a) => a.entry),
      results,
    };
  }
}
