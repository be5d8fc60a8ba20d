import { Prisma } from '../generated/prisma/client';
import type { HousingLock, SchoolCatchment } from '../domain/eligibility/facts';
import type { PriorityAssessment } from '../domain/eligibility/assess';
import type { AutoFilledField } from '../domain/eligibility/facts-from-checks';
import type { VerifiedFacts } from '../domain/eligibility/facts';
import { priorityPolicySchema, type PriorityPolicy } from '../domain/eligibility/policy';
import type { Stage } from '../domain/enrolment';
import type { Db } from './prisma-client';

/** What priority needs from the database, and where its result is kept. */
export class EligibilityRepository {
  constructor(private readonly db: Db) {}

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

  async housingLock(certificateNo: string | undefined): Promise<HousingLock | undefined> {
    if (!certificateNo) return undefined;
    const lock = await this.db.housingLock.findUnique({ where: { certificateNo } });
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

  async save(
    applicationNo: string,
    result: { assessment: PriorityAssessment; autoFill: AutoFilledField[]; facts: VerifiedFacts },
    at: Date,
  ): Promise<void> {
    const json = (value: unknown) => value as Prisma.InputJsonValue;
    const data = {
      policyVersion: result.assessment.policyVersion,
      eligible: result.assessment.eligible,
      notes: json(result.assessment.notes),
      schools: json(result.assessment.schools),
      autoFill: json(result.autoFill),
      facts: json(result.facts),
      assessedAt: at,
    };
    await this.db.eligibilityAssessment.upsert({
      where: { applicationNo },
      create: { applicationNo, ...data },
      update: data,
    });
  }

  find(applicationNo: string) {
    return this.db.eligibilityAssessment.findUnique({ where: { applicationNo } });
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
    await this.db.housingLock.upsert({
      where: { certificateNo: lock.certificateNo },
      create: { certificateNo: lock.certificateNo, ...data },
      update: data,
    });
  }
}
