import { Prisma } from '../generated/prisma/client';
import type { PriorityPolicy } from '../domain/eligibility/policy';
import type { Stage } from '../domain/enrolment';
import type { Db } from './prisma-client';

/** What administrators maintain: seasons, registration windows, schools, county policies. */
export class AdministrationRepository {
  constructor(private readonly db: Db) {}

  upsertSeason(
    year: number,
    season: { name: string; primaryBornOnOrBefore: Date; juniorBornOnOrBefore: Date },
  ) {
    return this.db.season.upsert({ where: { year }, create: { year, ...season }, update: season });
  }

  upsertWindow(
    key: { countyCode: string; stage: Stage; seasonYear: number },
    window: { opensAt: Date; closesAt: Date },
  ) {
    return this.db.registrationWindow.upsert({
      where: { countyCode_stage_seasonYear: key },
      create: { ...key, ...window },
      update: window,
    });
  }

  /**
   * A county's periods to confirm a place, to answer a waitlist offer and to appeal a result
   * (null: the defaults).
   */
  setCountyPeriods(
    code: string,
    periods: Pick<Prisma.CountyUpdateInput, 'confirmWindowMs' | 'offerWindowMs' | 'appealWindowMs'>,
  ) {
    return this.db.county.update({
      where: { code },
      data: periods,
      select: { code: true, confirmWindowMs: true, offerWindowMs: true, appealWindowMs: true },
    });
  }

  window(key: { countyCode: string; stage: Stage; seasonYear: number }) {
    return this.db.registrationWindow.findUnique({ where: { countyCode_stage_seasonYear: key } });
  }

  upsertSchool(school: Prisma.SchoolUncheckedCreateInput) {
    const { id, ...rest } = school;
    return this.db.school.upsert({ where: { id }, create: school, update: rest });
  }

  school(id: string) {
    return this.db.school.findUnique({ where: { id } });
  }

  /** A county's schools as stored, by stage then id: what an administrator edits. */
  schools(countyCode: string) {
    return this.db.school.findMany({
      where: { countyCode },
      orderBy: [{ stage: 'asc' }, { id: 'asc' }],
    });
  }

  upsertReporting(
    key: { schoolId: string; seasonYear: number },
    data: { reportFrom: Date; reportUntil: Date; materials: { zh: string; en: string }[] },
  ) {
    const row = { ...data, materials: data.materials as unknown as Prisma.InputJsonValue };
    return this.db.schoolReporting.upsert({
      where: { schoolId_seasonYear: key },
      create: { ...key, ...row },
      update: row,
    });
  }

  policy(key: { countyCode: string; stage: Stage; seasonYear: number }) {
    return this.db.admissionPolicy.findUnique({ where: { countyCode_stage_seasonYear: key } });
  }

  upsertPolicy(
    key: { countyCode: string; stage: Stage; seasonYear: number },
    policy: PriorityPolicy,
  ) {
    const data = {
      version: policy.version,
      document: policy as unknown as Prisma.InputJsonValue,
      updatedAt: new Date(),
    };
    return this.db.admissionPolicy.upsert({
      where: { countyCode_stage_seasonYear: key },
      create: { ...key, ...data },
      update: data,
    });
  }
}
