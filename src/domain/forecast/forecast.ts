import type { Stage } from '../enrolment';
import { ageEntering, childrenAged, netMigrationRate, type UnitPopulation } from './population';

/**
 * The cohort method (docs/early-warning.md): the cohort entering a stage in a season is the
 * children of the entry age, aged forward from the reference date with the catchment's net
 * migration rate; demand is that cohort times the take-up ratio (the share of a cohort that
 * applied to this school first in past seasons), corrected for a change in the private-school
 * share. Pure: the same inputs always give the same forecast.
 */

/** A past season's applications (first choice this school) and the county's private share then. */
export interface PastSeason {
  readonly seasonYear: number;
  readonly applications: number;
  /** Share of the county's applicants of the stage whose first choice was a private school. */
  readonly privateShare: number;
}

export interface ForecastInput {
  readonly stage: Stage;
  readonly referenceSeason: number;
  /** The catchment's units (for JUNIOR_1: the feeder primaries' units). */
  readonly units: readonly UnitPopulation[];
  readonly history: readonly PastSeason[];
  /** Expected private share in the forecast seasons; default: the last observed. */
  readonly privateShare?: number;
  /** Take-up ratio when there is no history (county policy; the region's default otherwise). */
  readonly defaultTakeUp: number;
  /** Seasons after the reference season to forecast (5: this season and the next five). */
  readonly horizon: number;
}

export interface SeasonForecast {
  readonly seasonYear: number;
  /** Children of the entry age, migration applied. */
  readonly cohort: number;
  readonly expected: number;
  readonly low: number;
  readonly high: number;
}

export interface Forecast {
  readonly takeUp: number;
  readonly migrationRate: number;
  readonly privateShare: number;
  /** Relative half-width of the band at the reference season. */
  readonly baseSpread: number;
  readonly seasons: readonly SeasonForecast[];
}

/** The band never narrows below this share of the expected demand at the reference season. */
export const MIN_SPREAD = 0.05;
/** Each season further ahead widens the band by this share (migration and births are less sure). */
export const SPREAD_PER_YEAR = 0.03;

/** Children entering `stage` in `season`, aged forward (or back) with the net migration rate. */
export function cohortOf(
  units: readonly UnitPopulation[],
  stage: Stage,
  season: number,
  referenceSeason: number,
  migrationRate = netMigrationRate(units),
): number {
  const count = childrenAged(units, ageEntering(stage, season, referenceSeason));
  return count * Math.pow(1 + migrationRate, season - referenceSeason);
}

/**
 * Take-up (applications per cohort member, at the private share of those seasons) over the past
 * seasons with a cohort, pooled (sum over sum), and its coefficient of variation across seasons.
 */
export function learnTakeUp(
  input: Pick<ForecastInput, 'stage' | 'referenceSeason' | 'units' | 'history' | 'defaultTakeUp'>,
  migrationRate = netMigrationRate(input.units),
): { readonly takeUp: number; readonly spread: number; readonly publicShare: number } {
  const seasons = input.history
    .map((h) => ({
      ...h,
      cohort: cohortOf(
        input.units,
        input.stage,
        h.seasonYear,
        input.referenceSeason,
        migrationRate,
      ),
    }))
    .filter((h) => h.cohort > 0);
  if (!seasons.length) return { takeUp: input.defaultTakeUp, spread: 0, publicShare: 1 };
  const applications = seasons.reduce((s, h) => s + Math.max(0, h.applications), 0);
  const cohort = seasons.reduce((s, h) => s + h.cohort, 0);
  // The private share of the seasons learned from, weighted as the take-up is.
  const publicShare =
    seasons.reduce((s, h) => s + h.cohort * (1 - clampShare(h.privateShare)), 0) / cohort;
  const takeUp = applications / cohort;
  const ratios = seasons.map((h) => Math.max(0, h.applications) / h.cohort);
  const mean = ratios.reduce((s, r) => s + r, 0) / ratios.length;
  const variance = ratios.reduce((s, r) => s + (r - mean) ** 2, 0) / ratios.length;
  return { takeUp, spread: mean > 0 ? Math.sqrt(variance) / mean : 0, publicShare };
}

function clampShare(share: number): number {
  return Math.min(0.95, Math.max(0, share));
}

/** Demand for this season (the reference season) and the next `horizon`, with its band. */
export function forecastDemand(input: ForecastInput): Forecast {
  const migrationRate = netMigrationRate(input.units);
  const learned = learnTakeUp(input, migrationRate);
  const lastShare = [...input.history].sort((a, b) => b.seasonYear - a.seasonYear)[0]?.privateShare;
  const privateShare = clampShare(input.privateShare ?? lastShare ?? 0);
  // Take-up was learned at the past private share; scale it to the expected one.
  const shareFactor = (1 - privateShare) / learned.publicShare;
  const baseSpread = Math.max(MIN_SPREAD, learned.spread);
  const seasons: SeasonForecast[] = [];
  for (let h = 0; h <= input.horizon; h += 1) {
    const seasonYear = input.referenceSeason + h;
    const cohort = cohortOf(
      input.units,
      input.stage,
      seasonYear,
      input.referenceSeason,
      migrationRate,
    );
    const expected = cohort * learned.takeUp * shareFactor;
    const spread = baseSpread + SPREAD_PER_YEAR * h;
    seasons.push({
      seasonYear,
      cohort,
      expected,
      low: Math.max(0, expected * (1 - spread)),
      high: expected * (1 + spread),
    });
  }
  return { takeUp: learned.takeUp, migrationRate, privateShare, baseSpread, seasons };
}
