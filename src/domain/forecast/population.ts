import type { Stage } from '../enrolment';

/**
 * The school-age population of one catchment unit (学区单元) as the data-sharing platform reports
 * it: children by single year of age (0–12) on the reference date, with hukou in the unit and
 * with a residence permit for it, and the unit's hukou moves and births of the last years.
 */
export interface UnitPopulation {
  readonly unit: string;
  readonly ages: readonly {
    readonly age: number;
    readonly hukou: number;
    readonly permit: number;
  }[];
  /** Children's hukou moves into and out of the unit per calendar year (recent years). */
  readonly moves: readonly {
    readonly year: number;
    readonly moveIn: number;
    readonly moveOut: number;
  }[];
  readonly births: readonly { readonly year: number; readonly count: number }[];
}

/**
 * Ages are counted on 31 August of the reference season: a child aged 6 then enters primary grade
 * 1 that season, one aged 12 junior grade 7 (having finished six years of primary school).
 */
export const ENTRY_AGE: Readonly<Record<Stage, number>> = { PRIMARY_1: 6, JUNIOR_1: 12 };

/** The youngest and oldest ages the platform reports. */
export const AGE_RANGE = { min: 0, max: 12 } as const;

/** The enrolment season a date belongs to: from September on, next summer's. */
export function referenceSeasonOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 9 ? year + 1 : year;
}

/**
 * The age (on 31 August of the reference season) of the children who enter `stage` in `season`,
 * clamped to the reported range: a past junior season reads the oldest reported cohort, a
 * primary season beyond six years ahead the youngest.
 */
export function ageEntering(stage: Stage, season: number, referenceSeason: number): number {
  const age = ENTRY_AGE[stage] - (season - referenceSeason);
  return Math.min(AGE_RANGE.max, Math.max(AGE_RANGE.min, age));
}

/** Children of one age across units (hukou and residence permit together). */
export function childrenAged(units: readonly UnitPopulation[], age: number): number {
  let total = 0;
  for (const u of units)
    for (const a of u.ages)
      if (a.age === age) total += Math.max(0, a.hukou) + Math.max(0, a.permit);
  return total;
}

/** Net migration may move a cohort by at most this share a year (a guard against bad data). */
export const MAX_MIGRATION_RATE = 0.1;

/**
 * The yearly net migration rate of the units' children: recent hukou moves in minus out, over
 * the children aged 0–12, averaged over the years reported; 0 without moves or children.
 */
export function netMigrationRate(units: readonly UnitPopulation[]): number {
  let children = 0;
  for (const u of units)
    for (const a of u.ages) children += Math.max(0, a.hukou) + Math.max(0, a.permit);
  const years = new Set<number>();
  let net = 0;
  for (const u of units)
    for (const m of u.moves) {
      years.add(m.year);
      net += m.moveIn - m.moveOut;
    }
  if (children <= 0 || years.size === 0) return 0;
  const rate = net / years.size / children;
  return Math.min(MAX_MIGRATION_RATE, Math.max(-MAX_MIGRATION_RATE, rate));
}
