import fc from 'fast-check';
import { forecastDemand, type ForecastInput, type PastSeason } from './forecast';
import type { UnitPopulation } from './population';

const REFERENCE = 2027;

const arbUnit = fc.record({
  unit: fc.constantFrom('U1', 'U2', 'U3'),
  ages: fc.array(
    fc.record({
      age: fc.integer({ min: 0, max: 12 }),
      hukou: fc.integer({ min: 0, max: 2000 }),
      permit: fc.integer({ min: 0, max: 500 }),
    }),
    { maxLength: 13 },
  ),
  moves: fc.array(
    fc.record({
      year: fc.integer({ min: 2022, max: 2026 }),
      moveIn: fc.integer({ min: 0, max: 300 }),
      moveOut: fc.integer({ min: 0, max: 300 }),
    }),
    { maxLength: 5 },
  ),
  births: fc.constant([]),
}) as fc.Arbitrary<UnitPopulation>;

const arbHistory = fc.array(
  fc.record({
    seasonYear: fc.integer({ min: 2021, max: 2026 }),
    applications: fc.integer({ min: 0, max: 3000 }),
    privateShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  }),
  { maxLength: 4 },
) as fc.Arbitrary<PastSeason[]>;

const arbInput = fc.record({
  stage: fc.constantFrom('PRIMARY_1' as const, 'JUNIOR_1' as const),
  referenceSeason: fc.constant(REFERENCE),
  units: fc.array(arbUnit, { minLength: 1, maxLength: 3 }),
  history: arbHistory,
  privateShare: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
  defaultTakeUp: fc.double({ min: 0.1, max: 1, noNaN: true }),
  horizon: fc.constant(5),
}) as fc.Arbitrary<ForecastInput>;

/** One more child of `age` in the first unit (with hukou). */
function withOneMore(input: ForecastInput, age: number, extra: number): ForecastInput {
  const [first, ...rest] = input.units;
  return {
    ...input,
    units: [{ ...first!, ages: [...first!.ages, { age, hukou: extra, permit: 0 }] }, ...rest],
  };
}

describe('forecast properties', () => {
  it('is never negative, and the band holds the expected value', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        for (const s of forecastDemand(input).seasons) {
          expect(s.low).toBeGreaterThanOrEqual(0);
          expect(s.expected).toBeGreaterThanOrEqual(0);
          expect(s.low).toBeLessThanOrEqual(s.expected + 1e-9);
          expect(s.high).toBeGreaterThanOrEqual(s.expected - 1e-9);
        }
      }),
    );
  });

  it('is monotone in cohort size: more children entering a season never lowers its demand', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 500 }),
        (input, h, extra) => {
          // A season no past season reads (its age is not a learned season's age).
          const season = REFERENCE + h;
          const age = (input.stage === 'PRIMARY_1' ? 6 : 12) - h;
          const learnedAges = input.history.map((p) =>
            Math.min(12, (input.stage === 'PRIMARY_1' ? 6 : 12) - (p.seasonYear - REFERENCE)),
          );
          fc.pre(!learnedAges.includes(age));
          const before = forecastDemand(input).seasons.find((s) => s.seasonYear === season)!;
          const after = forecastDemand(withOneMore(input, age, extra)).seasons.find(
            (s) => s.seasonYear === season,
          )!;
          expect(after.expected).toBeGreaterThanOrEqual(before.expected - 1e-9);
          expect(after.low).toBeGreaterThanOrEqual(before.low - 1e-9);
          expect(after.high).toBeGreaterThanOrEqual(before.high - 1e-9);
        },
      ),
    );
  });

  it('is exact on a season whose applications are known: learning from it reproduces them', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (input, applications, privateShare) => {
          // The season is the reference season itself, forecast with only its own record learned.
          const known: ForecastInput = {
            ...input,
            history: [{ seasonYear: REFERENCE, applications, privateShare }],
            privateShare,
          };
          const first = forecastDemand(known).seasons[0]!;
          fc.pre(first.cohort > 0);
          expect(first.expected).toBeCloseTo(applications, 6);
        },
      ),
    );
  });
});
