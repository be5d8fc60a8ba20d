import type { Stage } from '../enrolment';
import { forecastDemand, type PastSeason } from './forecast';
import type { UnitPopulation } from './population';
import {
  pressureRatio,
  warningLevel,
  type WarningLevel,
  type WarningThresholds,
} from './warning-levels';

/**
 * One computation of a county's warnings (docs/early-warning.md): per school, its forecast for
 * the reference season and the next five, and a level from demand ÷ places — the forecast before
 * the season's registration window opens, the families' first choices once it has.
 */

/** Take-up without any season to learn from: the region's default (county policy may differ). */
export const DEFAULT_TAKE_UP = 0.9;
/** This season and the next five. */
export const FORECAST_HORIZON = 5;

export interface WarningSchool {
  readonly id: string;
  readonly stage: Stage;
  readonly places: number;
  readonly catchmentUnits: readonly string[];
  /** JUNIOR_1: the feeder primaries, whose catchments make the junior's. */
  readonly feederPrimaryIds: readonly string[];
}

/** First choices of one school in one season, per priority tier ("1" … "9"). */
export interface LiveDemand {
  readonly firstChoice: number;
  readonly byTier: Readonly<Record<string, number>>;
}

export interface CountyWarningInput {
  readonly referenceSeason: number;
  readonly schools: readonly WarningSchool[];
  readonly units: readonly UnitPopulation[];
  /** Completed past seasons per school (first choices), for the take-up. */
  readonly history: ReadonlyMap<string, readonly PastSeason[]>;
  readonly thresholds: WarningThresholds;
  readonly defaultTakeUp: number;
  /** Stages and seasons (`PRIMARY_1/2027`) whose registration window has opened. */
  readonly liveSeasons: ReadonlySet<string>;
  /** The families' first choices per school and season (`warningKey`), where there are any. */
  readonly liveDemand: ReadonlyMap<string, LiveDemand>;
}

export interface SchoolSeasonWarning {
  readonly schoolId: string;
  readonly stage: Stage;
  readonly seasonYear: number;
  readonly places: number;
  readonly cohort: number;
  readonly forecast: number;
  readonly forecastLow: number;
  readonly forecastHigh: number;
  readonly basis: 'FORECAST' | 'LIVE';
  readonly live: LiveDemand | null;
  readonly demand: number;
  /** Null when unbounded (no places and some demand). */
  readonly ratio: number | null;
  readonly level: WarningLevel;
}

/** The units a school draws from: its own catchment, or for a junior its feeder primaries'. */
export function unitsOfSchool(
  school: WarningSchool,
  schools: ReadonlyMap<string, WarningSchool>,
  units: ReadonlyMap<string, UnitPopulation>,
): UnitPopulation[] {
  const ids = new Set(school.catchmentUnits);
  if (school.stage === 'JUNIOR_1')
    for (const feeder of school.feederPrimaryIds)
      for (const unit of schools.get(feeder)?.catchmentUnits ?? []) ids.add(unit);
  return [...ids].flatMap((id) => units.get(id) ?? []);
}

export function countyWarnings(input: CountyWarningInput): SchoolSeasonWarning[] {
  const schools = new Map(input.schools.map((s) => [s.id, s]));
  const units = new Map(input.units.map((u) => [u.unit, u]));
  const out: SchoolSeasonWarning[] = [];
  for (const school of input.schools) {
    const forecast = forecastDemand({
      stage: school.stage,
      referenceSeason: input.referenceSeason,
      units: unitsOfSchool(school, schools, units),
      history: input.history.get(school.id) ?? [],
      defaultTakeUp: input.defaultTakeUp,
      horizon: FORECAST_HORIZON,
    });
    for (const season of forecast.seasons) {
      const live = input.liveSeasons.has(`${school.stage}/${season.seasonYear}`)
        ? (input.liveDemand.get(key(school.id, season.seasonYear)) ?? {
            firstChoice: 0,
            byTier: {},
          })
        : null;
      const demand = live ? live.firstChoice : season.expected;
      const ratio = pressureRatio(demand, school.places);
      out.push({
        schoolId: school.id,
        stage: school.stage,
        seasonYear: season.seasonYear,
        places: school.places,
        cohort: season.cohort,
        forecast: season.expected,
        forecastLow: season.low,
        forecastHigh: season.high,
        basis: live ? 'LIVE' : 'FORECAST',
        live,
        demand,
        ratio: Number.isFinite(ratio) ? ratio : null,
        level: warningLevel(ratio, input.thresholds),
      });
    }
  }
  return out;
}

/** A school's level for a season as last recorded, and how many times it has changed. */
export interface RecordedLevel {
  readonly level: WarningLevel;
  readonly changes: number;
}

export interface LevelChange {
  readonly schoolId: string;
  readonly seasonYear: number;
  readonly from: WarningLevel;
  readonly to: WarningLevel;
  /** The change's number for this school and season: the outbox's key, so a retry adds nothing. */
  readonly change: number;
}

const key = (schoolId: string, seasonYear: number) => `${schoolId}/${seasonYear}`;

/**
 * Which levels changed since the last computation. A school never computed before counts as
 * green: its first level notifies only when it is a warning.
 */
export function levelChanges(
  recorded: ReadonlyMap<string, RecordedLevel>,
  computed: readonly Pick<SchoolSeasonWarning, 'schoolId' | 'seasonYear' | 'level'>[],
): LevelChange[] {
  const changes: LevelChange[] = [];
  for (const w of computed) {
    const before = recorded.get(key(w.schoolId, w.seasonYear)) ?? { level: 'GREEN', changes: 0 };
    if (before.level !== w.level)
      changes.push({
        schoolId: w.schoolId,
        seasonYear: w.seasonYear,
        from: before.level,
        to: w.level,
        change: before.changes + 1,
      });
  }
  return changes;
}

export { key as warningKey };
