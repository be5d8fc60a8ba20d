import type { CountyWarningReport, EarlyWarningActivities } from '../contract';
import { countyWarnings } from '../domain/forecast/county-warnings';
import { referenceSeasonOf } from '../domain/forecast/population';
import { WARNING_LEVELS, type WarningLevel } from '../domain/forecast/warning-levels';
import type { WarningRepository } from '../db/warning-repository';
import type { DataSharingClient } from '../integration/data-sharing/client';
import type { StatusNotifier } from '../integration/platform/status-notifier';
import { departmentCall } from './department-call';

/**
 * The early warning's side effects, each safe to retry: a pull records the platform's figures for
 * their date (again, the same row); a computation replaces the county's levels and writes a
 * notice only for a level that differs from the recorded one (docs/early-warning.md); a
 * publication's relay to the platform carries its delivery id, which the platform deduplicates.
 */
export function earlyWarningActivities(
  repository: WarningRepository,
  dataSharing: DataSharingClient,
  platform: StatusNotifier,
): EarlyWarningActivities {
  return {
    relayWarningPublication: (notice) => platform.notify(notice),

    listWarningCounties: () => repository.countiesWithSchools(),

    async pullPopulation(countyCode, asOfDate) {
      const answer = await departmentCall(() =>
        dataSharing.schoolAgePopulation({ countyCode, asOf: asOfDate }),
      );
      await repository.savePopulation(countyCode, answer.asOf, answer.units);
      return answer.units.length;
    },

    async computeWarnings(countyCode, asOf): Promise<CountyWarningReport> {
      const now = new Date(asOf);
      const [population, data] = await Promise.all([
        repository.latestPopulation(countyCode),
        repository.countyData(countyCode, now),
      ]);
      const warnings = countyWarnings({
        referenceSeason: referenceSeasonOf(asOf.slice(0, 10)),
        schools: data.schools,
        units: population?.units ?? [],
        history: data.history,
        thresholds: data.policy,
        defaultTakeUp: data.policy.defaultTakeUp,
        liveSeasons: data.liveSeasons,
        liveDemand: data.liveDemand,
      });
      const changes = await repository.record(
        countyCode,
        data,
        warnings,
        population?.asOf ?? null,
        new Date(),
      );
      const levels = Object.fromEntries(WARNING_LEVELS.map((l) => [l, 0])) as Record<
        WarningLevel,
        number
      >;
      for (const w of warnings) levels[w.level] += 1;
      return {
        countyCode,
        populationAsOf: population?.asOf ?? null,
        schools: data.schools.length,
        warnings: warnings.length,
        levels,
        changes: changes.length,
      };
    },
  };
}
