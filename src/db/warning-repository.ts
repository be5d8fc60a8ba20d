import { Prisma } from '../generated/prisma/client';
import type { Stage } from '../domain/enrolment';
import type { PastSeason } from '../domain/forecast/forecast';
import { pastSeasons } from '../domain/forecast/history';
import {
  levelChanges,
  warningKey,
  type LevelChange,
  type LiveDemand,
  type RecordedLevel,
  type SchoolSeasonWarning,
  type WarningSchool,
} from '../domain/forecast/county-warnings';
import type { UnitPopulation } from '../domain/forecast/population';
import {
  DEFAULT_THRESHOLDS,
  publicSummary,
  type WarningLevel,
  type WarningThresholds,
} from '../domain/forecast/warning-levels';
import { DEFAULT_TAKE_UP } from '../domain/forecast/county-warnings';
import type { Db } from './prisma-client';

/** Cases that no longer ask for a place (as the bureau reports count them). */
const CLOSED = Prisma.sql`('WITHDRAWN', 'EXPIRED', 'CANCELLED', 'REJECTED')`;

export interface WarningPolicyData extends WarningThresholds {
  readonly defaultTakeUp: number;
}

/** What one computation of a county's warnings reads from the read model. */
export interface CountyWarningData {
  readonly cityCode: string;
  readonly schools: readonly (WarningSchool & { readonly nameZh: string })[];
  readonly policy: WarningPolicyData;
  readonly history: Map<string, PastSeason[]>;
  readonly liveSeasons: Set<string>;
  readonly liveDemand: Map<string, LiveDemand>;
}

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

  async policy(countyCode: string): Promise<WarningPolicyData> {
    const row = await this.db.warningPolicy.findUnique({ where: { countyCode } });
    if (!row) return { ...DEFAULT_THRESHOLDS, defaultTakeUp: DEFAULT_TAKE_UP };
    const { yellow, orange, red, defaultTakeUp } = row;
    return { yellow, orange, red, defaultTakeUp };
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

  /**
   * The inputs of a county's computation at `now`: schools and places, thresholds, the first
   * choices of past seasons whose round was drawn (take-up is learned from complete seasons only)
   * and of seasons whose registration window has opened (the live demand).
   */
  async countyData(countyCode: string, now: Date): Promise<CountyWarningData> {
    const [county, schools, policy, choices, windows, rounds] = await Promise.all([
      this.db.county.findUniqueOrThrow({ where: { code: countyCode }, select: { cityCode: true } }),
      this.db.school.findMany({
        where: { countyCode },
        select: {
          id: true,
          stage: true,
          places: true,
          nameZh: true,
          type: true,
          catchmentUnits: true,
          feederPrimaryIds: true,
        },
        orderBy: { id: 'asc' },
      }),
      this.policy(countyCode),
      this.firstChoices(countyCode),
      this.db.registrationWindow.findMany({ where: { countyCode, opensAt: { lte: now } } }),
      this.db.admissionRound.findMany({
        where: { countyCode, status: { in: ['DRAWN', 'PUBLISHED'] } },
        select: { stage: true, seasonYear: true },
      }),
    ]);
    const stageOf = new Map(schools.map((s) => [s.id, s.stage]));
    const privateIds = new Set(schools.filter((s) => s.type === 'PRIVATE').map((s) => s.id));
    const liveSeasons = new Set(windows.map((w) => `${w.stage}/${w.seasonYear}`));
    const drawn = new Set(rounds.map((r) => `${r.stage}/${r.seasonYear}`));
    const liveDemand = new Map<string, LiveDemand>();
    for (const c of choices) {
      const stage = stageOf.get(c.schoolId);
      if (!stage || !liveSeasons.has(`${stage}/${c.seasonYear}`)) continue;
      const k = warningKey(c.schoolId, c.seasonYear);
      const d = liveDemand.get(k) ?? { firstChoice: 0, byTier: {} };
      liveDemand.set(k, {
        firstChoice: d.firstChoice + c.count,
        byTier: { ...d.byTier, [c.tier]: (d.byTier[c.tier] ?? 0) + c.count },
      });
    }
    return {
      cityCode: county.cityCode,
      schools,
      policy,
      history: pastSeasons(choices, schools, privateIds, drawn),
      liveSeasons,
      liveDemand,
    };
  }

  /** Live first choices per season, school and tier (closed cases aside). */
  private async firstChoices(countyCode: string) {
    const rows = await this.db.$queryRaw<
      { season_year: number; school_id: string; tier: string; n: bigint }[]
    >`
      SELECT a.season_year, x.choice->>'schoolId' AS school_id,
             coalesce(x.choice->>'tier', '9') AS tier, count(*) AS n
      FROM application a
      JOIN eligibility_assessment e ON e.application_no = a.application_no
      CROSS JOIN LATERAL jsonb_array_elements(e.schools) WITH ORDINALITY AS x(choice, ord)
      WHERE a.county_code = ${countyCode} AND x.ord = 1 AND a.status::text NOT IN ${CLOSED}
      GROUP BY 1, 2, 3`;
    return rows.map((r) => ({
      seasonYear: r.season_year,
      schoolId: r.school_id,
      tier: r.tier,
      count: Number(r.n),
    }));
  }

  /**
   * Records a county's computation and, in the same transaction, one outbox notice per changed
   * level. Serialised per county, so two computations at once cannot both see the old level; a
   * retry after commit finds the new level recorded and notifies nothing.
   */
  async record(
    countyCode: string,
    data: Pick<CountyWarningData, 'cityCode' | 'schools'>,
    warnings: readonly SchoolSeasonWarning[],
    populationAsOf: string | null,
    computedAt: Date,
  ): Promise<LevelChange[]> {
    const names = new Map(data.schools.map((s) => [s.id, s.nameZh]));
    return this.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('warnings:' || ${countyCode}))`;
        const rows = await tx.schoolWarning.findMany({
          where: { countyCode },
          select: { schoolId: true, seasonYear: true, level: true, changes: true },
        });
        const recorded = new Map<string, RecordedLevel>(
          rows.map((r) => [
            warningKey(r.schoolId, r.seasonYear),
            { level: r.level as WarningLevel, changes: r.changes },
          ]),
        );
        const changes = levelChanges(recorded, warnings);
        const changeOf = new Map(changes.map((c) => [warningKey(c.schoolId, c.seasonYear), c]));
        // Seasons not computed now (past ones) keep their last figures: forecast against actual.
        const seasons = [...new Set(warnings.map((w) => w.seasonYear))];
        await tx.schoolWarning.deleteMany({ where: { countyCode, seasonYear: { in: seasons } } });
        await tx.schoolWarning.createMany({
          data: warnings.map((w) => {
            const k = warningKey(w.schoolId, w.seasonYear);
            return {
              ...rowOf(w, countyCode, populationAsOf, computedAt),
              changes: changeOf.get(k)?.change ?? recorded.get(k)?.changes ?? 0,
            };
          }),
        });
        const byKey = new Map(warnings.map((w) => [warningKey(w.schoolId, w.seasonYear), w]));
        if (changes.length)
          await tx.warningNotification.createMany({
            skipDuplicates: true,
            data: changes.map((c) => {
              const w = byKey.get(warningKey(c.schoolId, c.seasonYear))!;
              const text = publicSummary({
                schoolName: names.get(c.schoolId) ?? c.schoolId,
                stage: w.stage,
                seasonYear: c.seasonYear,
                level: c.to,
                demand: w.demand,
                places: w.places,
                live: w.basis === 'LIVE',
              });
              return {
                countyCode,
                cityCode: data.cityCode,
                schoolId: c.schoolId,
                stage: w.stage,
                seasonYear: c.seasonYear,
                change: c.change,
                fromLevel: c.from,
                toLevel: c.to,
                basis: w.basis,
                summaryZh: text.zh,
                summaryEn: text.en,
              };
            }),
          });
        return changes;
      },
      { timeout: 60_000 },
    );
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

  /** Publishes the current warnings of a stage and season as a new version; answers it. */
  async publish(countyCode: string, stage: Stage, seasonYear: number, publishedBy: string) {
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
      return tx.warningPublication.create({
        data: {
          countyCode,
          stage,
          seasonYear,
          version: (last?.version ?? 0) + 1,
          items,
          publishedBy,
        },
      });
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

function rowOf(
  w: SchoolSeasonWarning,
  countyCode: string,
  populationAsOf: string | null,
  computedAt: Date,
) {
  return {
    schoolId: w.schoolId,
    seasonYear: w.seasonYear,
    countyCode,
    stage: w.stage,
    places: w.places,
    cohort: w.cohort,
    forecast: w.forecast,
    forecastLow: w.forecastLow,
    forecastHigh: w.forecastHigh,
    liveFirstChoice: w.live?.firstChoice ?? null,
    liveByTier: w.live ? (w.live.byTier as Prisma.InputJsonValue) : Prisma.DbNull,
    basis: w.basis,
    demand: w.demand,
    ratio: w.ratio,
    level: w.level,
    populationAsOf: populationAsOf ? date(populationAsOf) : null,
    computedAt,
  };
}
