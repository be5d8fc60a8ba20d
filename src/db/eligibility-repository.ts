import { Prisma, type EligibilityAssessment } from '../generated/prisma/client';
import type { Sealer } from '../encryption/sealer';
import type { HousingLock, SchoolCatchment } from '../domain/eligibility/facts';
import type { PriorityAssessment } from '../domain/eligibility/assess';
import type { AutoFilledField } from '../domain/eligibility/facts-from-checks';
import type { VerifiedFacts } from '../domain/eligibility/facts';
import type { FactConfirmation } from '../domain/eligibility/confirmations';
import { priorityPolicySchema, type PriorityPolicy } from '../domain/eligibility/policy';
import type { Stage } from '../domain/enrolment';
import type { Db } from './prisma-client';
import { jsonb, utcTimestamp } from './sql-values';

/** An assessment as stored, the latest or a version (which keeps no auto-fill). */
type StoredAssessment = Pick<EligibilityAssessment, 'notes' | 'schools' | 'facts'> & {
  autoFill?: Prisma.JsonValue;
};
type StoredSchool = Prisma.JsonObject & { evidence: Prisma.JsonValue };

/**
 * An assessment with what speaks of the family opened: its notes (a locked certificate's number),
 * each school's evidence (addresses, certificates), the auto-filled fields and the verified facts.
 * The schools' ids and tiers stay plain: the review queue filters on them in SQL.
 */
export async function openAssessment<T extends StoredAssessment>(sealer: Sealer, row: T) {
  const schools = row.schools as StoredSchool[];
  return {
    ...row,
    notes: await sealer.open(row.notes),
    schools: await Promise.all(
      schools.map(async (s) => ({ ...s, evidence: await sealer.open(s.evidence) })),
    ),
    autoFill: await sealer.open(row.autoFill),
    facts: await sealer.open(row.facts),
  };
}

/** What priority needs from the database, and where its result is kept. */
export class EligibilityRepository {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {}

  /** The chosen schools' catchments, in the family's order of preference. */
  async catchments(schoolIds: readonly string[]): Promise<SchoolCatchment[]> {
    const rows = await this.db.school.findMany({ where: { id: { in: [...schoolIds] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return schoolIds.flatMap((id) => {
      const r = byId.get(id);
      return r
        ? [
            {
              id: r.id,
              stage: r.stage,
              catchmentUnits: r.catchmentUnits,
              feederPrimaryIds: r.feederPrimaryIds,
            },
          ]
        : [];
    });
  }

  /**
   * The lock on a certificate, found by its lookup key; a lock written before the keys (the
   * certificate number itself) is found too, until `npm run reseal` rewrites it.
   */
  async housingLock(certificateNo: string | undefined): Promise<HousingLock | undefined> {
    if (!certificateNo) return undefined;
    const lock = await this.db.housingLock.findFirst({
      where: { certificateNo: { in: [this.sealer.lookupKey(certificateNo), certificateNo] } },
    });
    return lock
      ? {
          certificateNo,
          lockedUntil: lock.lockedUntil.toISOString().slice(0, 10),
          applicationNo: lock.applicationNo,
        }
      : undefined;
  }

  /** The county's own policy for the stage and season, when it has published one. */
  async policy(
    countyCode: string,
    stage: Stage,
    seasonYear: number,
  ): Promise<PriorityPolicy | undefined> {
    const row = await this.db.admissionPolicy.findUnique({
      where: { countyCode_stage_seasonYear: { countyCode, stage, seasonYear } },
    });
    return row ? priorityPolicySchema.parse(row.document) : undefined;
  }

  /**
   * Keeps an assessment as its version (a retry writes the same row again) and, unless a later
   * version is already there, as the case's latest, which reviewers see and rounds freeze.
   */
  async save(
    applicationNo: string,
    result: { assessment: PriorityAssessment; autoFill: AutoFilledField[]; facts: VerifiedFacts },
    at: Date,
    version: { number: number; cause: string; confirmations: readonly FactConfirmation[] } = {
      number: 1,
      cause: 'CHECKS',
      confirmations: [],
    },
  ): Promise<void> {
    // Sealed once, for the version and the latest alike; the schools' ids and tiers stay plain.
    const outcome = {
      policyVersion: result.assessment.policyVersion,
      eligible: result.assessment.eligible,
      notes: jsonb(await this.sealer.seal(result.assessment.notes)),
      schools: jsonb(
        await Promise.all(
          result.assessment.schools.map(async (school) => ({
            ...school,
            evidence: await this.sealer.seal(school.evidence),
          })),
        ),
      ),
      facts: jsonb(await this.sealer.seal(result.facts)),
      assessedAt: utcTimestamp(at),
    };
    const autoFill = jsonb(await this.sealer.seal(result.autoFill));
    // One statement, so one round trip: the version is added unless a retry already did, and
    // the latest moves only forward (a later version already kept stays).
    await this.db.$executeRaw`
      WITH kept_version AS (
        INSERT INTO eligibility_assessment_version (application_no, version, cause, confirmations,
          policy_version, eligible, notes, schools, facts, assessed_at)
        VALUES (${applicationNo}, ${version.number}, ${version.cause},
          ${jsonb(version.confirmations)}, ${outcome.policyVersion}, ${outcome.eligible},
          ${outcome.notes}, ${outcome.schools}, ${outcome.facts}, ${outcome.assessedAt})
        ON CONFLICT (application_no, version) DO NOTHING
      )
      INSERT INTO eligibility_assessment AS latest (application_no, version, policy_version,
        eligible, notes, schools, auto_fill, facts, assessed_at)
      VALUES (${applicationNo}, ${version.number}, ${outcome.policyVersion}, ${outcome.eligible},
        ${outcome.notes}, ${outcome.schools}, ${autoFill}, ${outcome.facts}, ${outcome.assessedAt})
      ON CONFLICT (application_no) DO UPDATE SET version = EXCLUDED.version,
        policy_version = EXCLUDED.policy_version, eligible = EXCLUDED.eligible,
        notes = EXCLUDED.notes, schools = EXCLUDED.schools, auto_fill = EXCLUDED.auto_fill,
        facts = EXCLUDED.facts, assessed_at = EXCLUDED.assessed_at
      WHERE latest.version <= EXCLUDED.version`;
  }

  async versions(applicationNo: string) {
    const rows = await this.db.eligibilityAssessmentVersion.findMany({
      where: { applicationNo },
      orderBy: { version: 'asc' },
    });
    return Promise.all(rows.map((row) => openAssessment(this.sealer, row)));
  }

  async find(applicationNo: string) {
    const row = await this.db.eligibilityAssessment.findUnique({ where: { applicationNo } });
    return row && openAssessment(this.sealer, row);
  }

  async lock(lock: {
    certificateNo: string;
    stage: Stage;
    lockedUntil: string;
    applicationNo: string;
  }): Promise<void> {
    const data = {
      stage: lock.stage,
      lockedUntil: new Date(`${lock.lockedUntil}T00:00:00Z`),
      applicationNo: lock.applicationNo,
    };
    const certificateNo = this.sealer.lookupKey(lock.certificateNo);
    await this.db.housingLock.upsert({
      where: { certificateNo },
      create: { certificateNo, ...data },
      update: data,
    });
  }
}
