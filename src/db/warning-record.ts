import { Prisma } from '../generated/prisma/client';
import {
  levelChanges,
  warningKey,
  type LevelChange,
  type RecordedLevel,
  type SchoolSeasonWarning,
} from '../domain/forecast/county-warnings';
import { publicSummary, type WarningLevel } from '../domain/forecast/warning-levels';
import type { Db } from './prisma-client';
import type { CountyWarningData } from './warning-inputs';

const date = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Records a county's computation and, in the same transaction, one outbox notice per changed
 * level. Serialised per county, so two computations at once cannot both see the old level; a
 * retry after commit finds the new level recorded and notifies nothing.
 */
export function recordWarnings(
  db: Db,
  countyCode: string,
  data: Pick<CountyWarningData, 'cityCode' | 'schools'>,
  warnings: readonly SchoolSeasonWarning[],
  populationAsOf: string | null,
  computedAt: Date,
): Promise<LevelChange[]> {
  const names = new Map(data.schools.map((s) => [s.id, s.nameZh]));
  return db.$transaction(
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
      if (changes.length)
        await tx.warningNotification.createMany({
          skipDuplicates: true,
          data: notices(changes, warnings, { countyCode, cityCode: data.cityCode, names }),
        });
      return changes;
    },
    { timeout: 60_000 },
  );
}

/** The outbox rows of the level changes, each with its public summary in both languages. */
function notices(
  changes: readonly LevelChange[],
  warnings: readonly SchoolSeasonWarning[],
  county: { countyCode: string; cityCode: string; names: Map<string, string> },
) {
  const byKey = new Map(warnings.map((w) => [warningKey(w.schoolId, w.seasonYear), w]));
  return changes.map((c) => {
    const w = byKey.get(warningKey(c.schoolId, c.seasonYear))!;
    const text = publicSummary({
      schoolName: county.names.get(c.schoolId) ?? c.schoolId,
      stage: w.stage,
      seasonYear: c.seasonYear,
      level: c.to,
      demand: w.demand,
      places: w.places,
      live: w.basis === 'LIVE',
    });
    return {
      countyCode: county.countyCode,
      cityCode: county.cityCode,
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
  });
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
