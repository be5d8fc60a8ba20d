import type { Prisma, WarningPublication } from '../generated/prisma/client';
import type { Stage } from '../domain/enrolment';
import type { LevelChange, SchoolSeasonWarning } from '../domain/forecast/county-warnings';
import type { UnitPopulation } from '../domain/forecast/population';
import { publicSummary, type WarningLevel } from '../domain/forecast/warning-levels';
import type { Db } from './prisma-client';
import {
  countyWarningData,
  warningPolicy,
  type CountyWarningData,
  type WarningPolicyData,
} from './warning-inputs';
import { recordWarnings } from './warning-record';

export type { CountyWarningData, WarningPolicyData } from './warning-inputs';

const date = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * The early warning's tables (docs/early-warning.md): population snapshots, county thresholds,
 * each school's forecast and level, the outbox of level changes and the published warnings.
 */
export class WarningRepository {
  constructor(private readonly db: Db) {}

  async savePopulation(countyCode: string, asOf: string, units: readonly UnitPopulation[]) {
    const data = { units: units as unknown as Prisma.InputJsonValue, pulledAt: new Date() };
    await this.db.populationSnapshot.upsert({
      where: { countyCode_asOf: { countyCode, asOf: date(asOf) } },
      create: { countyCode, asOf: date(asOf), ...data },
      update: data,
    });
  }

  async latestPopulation(countyCode: string) {
    const row = await this.db.populationSnapshot.findFirst({
      where: { countyCode },
      orderBy: { asOf: 'desc' },
    });
    return row
      ? {
          asOf: row.asOf.toISOString().slice(0, 10),
          units: row.units as unknown as UnitPopulation[],
        }
      : null;
  }

  /** Counties with at least one school: the ones a nightly run computes. */
  async countiesWithSchools(): Promise<string[]> {
    const rows = await this.db.school.findMany({
      distinct: ['countyCode'],
      select: { countyCode: true },
      orderBy: { countyCode: 'asc' },
    });
    return rows.map((r) => r.countyCode);
  }

  policy(countyCode: string): Promise<WarningPolicyData> {
    return warningPolicy(this.db, countyCode);
  }

  async setPolicy(countyCode: string, policy: WarningPolicyData): Promise<WarningPolicyData> {
    const data = { ...policy, updatedAt: new Date() };
    await this.db.warningPolicy.upsert({
      where: { countyCode },
      create: { countyCode, ...data },
      update: data,
    });
    return policy;
  }

  /** The inputs of a county's computation at `now` (warning-inputs.ts). */
  countyData(countyCode: string, now: Date): Promise<CountyWarningData> {
    return countyWarningData(this.db, countyCode, now);
  }

  /** Records a county's computation and its outbox of level changes (warning-record.ts). */
  record(
    countyCode: string,
    data: Pick<CountyWarningData, 'cityCode' | 'schools'>,
    warnings: readonly SchoolSeasonWarning[],
    populationAsOf: string | null,
    computedAt: Date,
  ): Promise<LevelChange[]> {
    return recordWarnings(this.db, countyCode, data, warnings, populationAsOf, computedAt);
  }

  warnings(countyCode: string, stage?: Stage, seasonYear?: number) {
    return this.db.schoolWarning.findMany({
      where: { countyCode, ...(stage ? { stage } : {}), ...(seasonYear ? { seasonYear } : {}) },
      orderBy: [{ seasonYear: 'asc' }, { schoolId: 'asc' }],
    });
  }

  /** Level changes for counties (null: all of Guangxi), newest first. */
  notifications(counties: readonly string[] | null, limit: number) {
    return this.db.warningNotification.findMany({
      where: counties ? { countyCode: { in: [...counties] } } : {},
      orderBy: { id: 'desc' },
      take: limit,
    });
  }

  /**
   * Publishes the current warnings of a stage and season as a new version, announced (the
   * platform's relay started) inside the same transaction; answers it.
   */
  async publish(
    countyCode: string,
    stage: Stage,
    seasonYear: number,
    publishedBy: string,
    announce: (published: WarningPublication) => Promise<void>,
  ) {
    const [rows, schools] = await Promise.all([
      this.warnings(countyCode, stage, seasonYear),
      this.db.school.findMany({ where: { countyCode, stage }, select: { id: true, nameZh: true } }),
    ]);
    const names = new Map(schools.map((s) => [s.id, s.nameZh]));
    const items = rows.map((r) => {
      const schoolName = names.get(r.schoolId) ?? r.schoolId;
      const level = r.level as WarningLevel;
      const demand = Math.round(r.demand);
      const text = publicSummary({
        schoolName,
        stage,
        seasonYear,
        level,
        demand,
        places: r.places,
        live: r.basis === 'LIVE',
      });
      return {
        schoolId: r.schoolId,
        schoolName,
        level,
        basis: r.basis,
        places: r.places,
        demand,
        summaryZh: text.zh,
        summaryEn: text.en,
      };
    });
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('warning-publication:' || ${countyCode}))`;
      const last = await tx.warningPublication.findFirst({
        where: { countyCode, stage, seasonYear },
        orderBy: { version: 'desc' },
        select: { version: true },
      });
      const published = await tx.warningPublication.create({
        data: {
          countyCode,
          stage,
          seasonYear,
          version: (last?.version ?? 0) + 1,
          items,
          publishedBy,
        },
      });
      // Announced before it commits: a publication nobody could announce is not stored either.
      await announce(published);
      return published;
    });
  }

  /** A county's schools of a stage as an allocation sees them (places and location). */
  scenarioSchools(countyCode: string, stage: Stage) {
    return this.db.school.findMany({
      where: { countyCode, stage },
      select: { id: true, places: true, locationX: true, locationY: true },
      orderBy: { id: 'asc' },
    });
  }

  admissionPolicy(countyCode: string, stage: Stage, seasonYear: number) {
    return this.db.admissionPolicy.findUnique({
      where: { countyCode_stage_seasonYear: { countyCode, stage, seasonYear } },
      select: { document: true },
    });
  }
}
