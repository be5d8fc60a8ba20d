import { AGE_RANGE, referenceSeasonOf, type UnitPopulation } from '../domain/forecast/population';
import type { Family } from './family-records';

/**
 * What the 公安 population interface reports for a county (issue 15, item 1), derived from the
 * simulator's own families so that the two agree: each catchment unit's share of children, its
 * hukou/residence-permit mix and its recent hukou moves are the families'; the families are a
 * sample, scaled to a whole county, and the years are shaped by Guangxi's falling births.
 */

/** The families' children were born over seven school years (family-draw.ts). */
const CHILD_BIRTH_YEARS = 7;
/** The whole simulated population stands for a county of this many families (the sample scaled). */
export const REPORTED_FAMILIES = 9_000;
/** Share of a year's hukou move-ins that are matched by move-outs (people also leave). */
const MOVE_OUT_SHARE = 0.7;
/** Births relative to 2013, in the shape of the region's statistics (a peak in 2017, then a fall). */
const BIRTH_INDEX: Readonly<Record<number, number>> = {
  2013: 1.0,
  2014: 1.02,
  2015: 0.98,
  2016: 1.06,
  2017: 1.1,
  2018: 1.0,
  2019: 0.95,
  2020: 0.85,
  2021: 0.8,
  2022: 0.74,
  2023: 0.7,
  2024: 0.7,
  2025: 0.68,
  2026: 0.66,
};

function birthIndex(year: number): number {
  const years = Object.keys(BIRTH_INDEX).map(Number);
  const clamped = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  return BIRTH_INDEX[clamped]!;
}

interface UnitSample {
  hukou: number;
  permit: number;
  moveIns: Map<number, number>;
}

/** Where a family's children count: hukou in a unit of the county, else a permit and a home there. */
function unitOf(family: Family, countyCode: string): { unit: string; hukou: boolean } | null {
  const household = family.households[0];
  if (household?.divisionCode === countyCode && household.catchmentUnit)
    return { unit: household.catchmentUnit, hukou: true };
  const home = family.properties[0]?.catchmentUnit;
  if (home && family.permits.some((p) => p.countyCode === countyCode))
    return { unit: home, hukou: false };
  return null;
}

function samplesOf(families: readonly Family[], countyCode: string): Map<string, UnitSample> {
  const units = new Map<string, UnitSample>();
  for (const family of families) {
    const where = unitOf(family, countyCode);
    if (!where) continue;
    const sample = units.get(where.unit) ?? { hukou: 0, permit: 0, moveIns: new Map() };
    units.set(where.unit, sample);
    const children = [family.child, ...family.siblings];
    if (where.hukou) {
      sample.hukou += children.length;
      const moved = family.households[0]!.members.find((m) => m.idNumber === family.child.idNumber);
      const year = Number(moved?.moveInDate.slice(0, 4));
      if (year) sample.moveIns.set(year, (sample.moveIns.get(year) ?? 0) + children.length);
    } else sample.permit += children.length;
  }
  return units;
}

/** The county's units as the platform reports them on `asOf`; `populationSize` sets the scale. */
export function schoolAgePopulation(
  families: readonly Family[],
  countyCode: string,
  asOf: string,
  populationSize: number,
): UnitPopulation[] {
  const scale = REPORTED_FAMILIES / Math.max(1, populationSize);
  const season = referenceSeasonOf(asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const samples = [...samplesOf(families, countyCode)].sort(([a], [b]) => a.localeCompare(b));
  return samples.map(([unit, s]) => {
    const perYear = ((s.hukou + s.permit) / CHILD_BIRTH_YEARS) * scale;
    const hukouShare = s.hukou / (s.hukou + s.permit);
    const ages = [];
    for (let age = AGE_RANGE.min; age <= AGE_RANGE.max; age += 1) {
      // Children aged `age` on 31 August of the season were born mostly in year season − age.
      const cohort = perYear * birthIndex(season - age);
      const hukou = Math.round(cohort * hukouShare);
      ages.push({ age, hukou, permit: Math.round(cohort) - hukou });
    }
    const moves = [3, 2, 1].map((back) => {
      const year = asOfYear - back;
      const moveIn = Math.round((s.moveIns.get(year) ?? 0) * scale);
      return { year, moveIn, moveOut: Math.round(moveIn * MOVE_OUT_SHARE) };
    });
    const births = [5, 4, 3, 2, 1].map((back) => ({
      year: asOfYear - back,
      count: Math.round(perYear * birthIndex(asOfYear - back)),
    }));
    return { unit, ages, moves, births };
  });
}
