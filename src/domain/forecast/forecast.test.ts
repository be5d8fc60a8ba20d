import { cohortOf, forecastDemand, learnTakeUp } from './forecast';
import {
  ageEntering,
  netMigrationRate,
  referenceSeasonOf,
  type UnitPopulation,
} from './population';

/** Worked examples of docs/early-warning.md, small enough to follow by hand. */
function unit(
  counts: Record<number, [number, number]>,
  moves: UnitPopulation['moves'] = [],
): UnitPopulation {
  return {
    unit: '450103-C01',
    ages: Object.entries(counts).map(([age, [hukou, permit]]) => ({
      age: Number(age),
      hukou,
      permit,
    })),
    moves,
    births: [],
  };
}

// Reference season 2027: ages on 31 August 2027.
const TAOYUAN = unit({
  0: [60, 5],
  1: [65, 5],
  5: [80, 10],
  6: [90, 10],
  7: [100, 10],
  8: [95, 10],
  12: [120, 20],
});

describe('the cohort method, worked examples', () => {
  it('reads the season a date belongs to: from September, next summer', () => {
    expect(referenceSeasonOf('2026-12-02')).toBe(2027);
    expect(referenceSeasonOf('2027-03-31')).toBe(2027);
    expect(referenceSeasonOf('2027-09-01')).toBe(2028);
  });

  it('ages the cohorts: primary 2027 is age 6, 2028 age 5; junior 2027 is age 12', () => {
    expect(ageEntering('PRIMARY_1', 2027, 2027)).toBe(6);
    expect(ageEntering('PRIMARY_1', 2028, 2027)).toBe(5);
    expect(ageEntering('PRIMARY_1', 2026, 2027)).toBe(7);
    expect(ageEntering('JUNIOR_1', 2027, 2027)).toBe(12);
    expect(ageEntering('JUNIOR_1', 2032, 2027)).toBe(7);
    expect(cohortOf([TAOYUAN], 'PRIMARY_1', 2027, 2027)).toBe(100);
  });

  it('learns take-up from a past season: 88 applications from a cohort of 110 is 0.8', () => {
    const history = [{ seasonYear: 2026, applications: 88, privateShare: 0.1 }];
    const learned = learnTakeUp({
      stage: 'PRIMARY_1',
      referenceSeason: 2027,
      units: [TAOYUAN],
      history,
      defaultTakeUp: 0.9,
    });
    expect(learned.takeUp).toBeCloseTo(0.8);
    expect(learned.publicShare).toBeCloseTo(0.9);

    const f = forecastDemand({
      stage: 'PRIMARY_1',
      referenceSeason: 2027,
      units: [TAOYUAN],
      history,
      defaultTakeUp: 0.9,
      horizon: 5,
    });
    // 2027: 100 children × 0.8 = 80, band ±5 %; 2028: 90 × 0.8 = 72, band ±8 %.
    expect(f.seasons[0]).toMatchObject({ seasonYear: 2027, cohort: 100 });
    expect(f.seasons[0]!.expected).toBeCloseTo(80);
    expect(f.seasons[0]!.low).toBeCloseTo(76);
    expect(f.seasons[0]!.high).toBeCloseTo(84);
    expect(f.seasons[1]!.expected).toBeCloseTo(72);
    expect(f.seasons[1]!.low).toBeCloseTo(66.24);
    expect(f.seasons).toHaveLength(6);
    // 2032 needs children aged 1 now: 70 × 0.8.
    expect(f.seasons[5]!.expected).toBeCloseTo(56);
  });

  it('moves the cohorts with net migration: +10 children a year over 1000 is +1 % a year', () => {
    const moving = unit({ 5: [90, 0], 6: [910, 0] }, [
      { year: 2025, moveIn: 30, moveOut: 10 },
      { year: 2026, moveIn: 20, moveOut: 20 },
    ]);
    expect(netMigrationRate([moving])).toBeCloseTo(0.01);
    expect(cohortOf([moving], 'PRIMARY_1', 2028, 2027)).toBeCloseTo(90.9);
  });

  it('corrects take-up for a change in the private share: 10 % → 20 % private', () => {
    const f = forecastDemand({
      stage: 'PRIMARY_1',
      referenceSeason: 2027,
      units: [TAOYUAN],
      history: [{ seasonYear: 2026, applications: 88, privateShare: 0.1 }],
      privateShare: 0.2,
      defaultTakeUp: 0.9,
      horizon: 0,
    });
    // 100 × 0.8 × (0.8 / 0.9)
    expect(f.seasons[0]!.expected).toBeCloseTo(71.111, 2);
  });

  it('without history uses the default take-up and private share', () => {
    const f = forecastDemand({
      stage: 'JUNIOR_1',
      referenceSeason: 2027,
      units: [TAOYUAN],
      history: [],
      privateShare: 0.1,
      defaultTakeUp: 0.95,
      horizon: 1,
    });
    expect(f.seasons[0]!.expected).toBeCloseTo(140 * 0.95 * 0.9);
    expect(f.seasons[1]!.cohort).toBe(0); // nobody aged 11 reported in this unit
  });

  it('widens the band with the spread of past take-up', () => {
    const f = forecastDemand({
      stage: 'PRIMARY_1',
      referenceSeason: 2027,
      units: [TAOYUAN],
      // take-up 0.6 (2026, cohort 110 → 66) and 1.0 (2025, cohort 105 → 105): cv 0.25
      history: [
        { seasonYear: 2026, applications: 66, privateShare: 0 },
        { seasonYear: 2025, applications: 105, privateShare: 0 },
      ],
      defaultTakeUp: 0.9,
      horizon: 0,
    });
    expect(f.baseSpread).toBeCloseTo(0.25);
    expect(f.takeUp).toBeCloseTo(171 / 215);
  });
});
