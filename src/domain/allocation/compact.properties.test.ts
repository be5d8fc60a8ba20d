import fc from 'fast-check';
import { allocate, allocateRound } from './allocate';
import { compactRound, lotteryRankOf } from './compact-round';
import type { AllocationInput, Mechanism } from './model';
import { allocateStraightforward } from './straightforward';

/**
 * The compact path (`allocate`) against the plainly written rules (`allocateStraightforward`) on
 * rough random rounds: repeated and unknown choices, ties on every key, applicants without choices,
 * zero, negative and fractional capacities, schools at the same distance — the whole published
 * result must be the same, field for field and in the same order.
 */
const DATES = ['2019-03-01', '2020-06-15', '2021-09-01', null] as const;
const MONTHS = [0, 12, 36, null] as const;

function arbitraryRound(mechanism: Mechanism, applicants: number, schools: number) {
  const school = fc.record({
    capacity: fc.oneof(
      fc.integer({ min: 0, max: Math.ceil((2 * applicants) / schools) }),
      fc.constantFrom(-1, 0.5, 1.5),
    ),
    x: fc.integer({ min: 0, max: 4 }),
    y: fc.integer({ min: 0, max: 4 }),
  });
  const applicant = fc.record({
    choices: fc.array(
      fc.record({
        // One past the last school: a choice of a school not in the round.
        school: fc.nat({ max: schools }),
        tier: fc.integer({ min: 1, max: 3 }),
        date: fc.constantFrom(...DATES),
        months: fc.constantFrom(...MONTHS),
      }),
      { maxLength: 4 },
    ),
    eligible: fc.nat({ max: 9 }).map((n) => n > 0),
    // Some keep a place they hold (an accepted appeal): the bureau passes them over.
    holdsPlace: fc.nat({ max: 4 }).map((n) => n === 0),
    x: fc.integer({ min: 0, max: 4 }),
    y: fc.integer({ min: 0, max: 4 }),
  });
  return fc
    .record({
      schools: fc.array(school, { minLength: 1, maxLength: schools }),
      applicants: fc.array(applicant, { maxLength: applicants }),
      seed: fc.string({ maxLength: 8 }),
    })
    .map(({ schools: s, applicants: a, seed }): AllocationInput => ({
      schools: s.map((x, i) => ({
        id: `S${i}`,
        capacity: x.capacity,
        location: { x: x.x, y: x.y },
      })),
      applicants: a.map((x, i) => ({
        id: `A${i}`,
        eligible: x.eligible,
        ...(x.holdsPlace && { holdsPlace: true }),
        location: { x: x.x, y: x.y },
        choices: x.choices.map((c) => ({
          schoolId: `S${c.school}`,
          tier: c.tier,
          qualifyingDate: c.date,
          contributionMonths: c.months,
        })),
      })),
      mechanism,
      seed,
    }));
}

describe.each(['DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST'] as const)(
  'the compact allocation (%s)',
  (mechanism) => {
    it('gives exactly the straightforward result on small rounds', () => {
      fc.assert(
        fc.property(arbitraryRound(mechanism, 25, 5), (input) => {
          expect(compactRound(input)).not.toBeNull();
          expect(allocate(input)).toEqual(allocateStraightforward(input));
          expect(JSON.stringify(allocate(input))).toBe(
            JSON.stringify(allocateStraightforward(input)),
          );
        }),
        { numRuns: 200 },
      );
    });

    it('gives exactly the straightforward result on larger, oversubscribed rounds', () => {
      fc.assert(
        fc.property(arbitraryRound(mechanism, 400, 12), (input) => {
          expect(JSON.stringify(allocate(input))).toBe(
            JSON.stringify(allocateStraightforward(input)),
          );
        }),
        { numRuns: 25 },
      );
    });

    it('leaves a round with a repeated applicant id to the straightforward path', () => {
      fc.assert(
        fc.property(arbitraryRound(mechanism, 10, 3), (input) => {
          const eligible = input.applicants.filter((a) => a.eligible);
          fc.pre(eligible.length > 0);
          const repeated = { ...input, applicants: [...input.applicants, eligible[0]!] };
          expect(compactRound(repeated)).toBeNull();
          expect(allocate(repeated)).toEqual(allocateStraightforward(repeated));
        }),
        { numRuns: 30 },
      );
    });
  },
);

describe('a round beyond what the compact arrays hold', () => {
  const school = (i: number) => ({ id: `S${i}`, capacity: 1, location: { x: i, y: 0 } });
  const applicant = (i: number, choices: AllocationInput['applicants'][number]['choices']) => ({
    id: `A${i}`,
    eligible: true,
    location: { x: 0, y: 0 },
    choices,
  });
  const choice = (schoolId: string, tier = 1) => ({
    schoolId,
    tier,
    qualifyingDate: null,
    contributionMonths: null,
  });
  const rounds: [string, AllocationInput][] = [
    [
      'more than 65 536 schools',
      {
        schools: Array.from({ length: 2 ** 16 + 1 }, (_, i) => school(i)),
        applicants: [applicant(0, [choice(`S${2 ** 16}`)])],
        mechanism: 'DEFERRED_ACCEPTANCE',
        seed: 's',
      },
    ],
    [
      'an applicant with more than 256 choices',
      {
        schools: [school(0), school(1)],
        applicants: [
          applicant(0, [...Array.from({ length: 256 }, () => choice('S9')), choice('S1')]),
          applicant(1, [choice('S1')]),
        ],
        mechanism: 'DEFERRED_ACCEPTANCE',
        seed: 's',
      },
    ],
    [
      'more than 256 tiers',
      {
        schools: [school(0)],
        applicants: Array.from({ length: 300 }, (_, i) => applicant(i, [choice('S0', 300 - i)])),
        mechanism: 'FIRST_CHOICE_FIRST',
        seed: 's',
      },
    ],
  ];

  it.each(rounds)('(%s) goes to the straightforward path, with the same result', (_, input) => {
    expect(compactRound(input)).toBeNull();
    expect(allocate(input)).toEqual(allocateStraightforward(input));
  });
});

describe('the results of a compact round', () => {
  it('are built as they are read, the same on every reading', () => {
    fc.assert(
      fc.property(arbitraryRound('DEFERRED_ACCEPTANCE', 25, 5), (input) => {
        const { results } = allocateRound(input);
        expect(Array.isArray(results)).toBe(false);
        expect(results).toHaveLength(input.applicants.length);
        expect(JSON.stringify([...results])).toBe(JSON.stringify([...results]));
        expect([...results]).toEqual(allocateStraightforward(input).results);
      }),
      { numRuns: 50 },
    );
  });
});

describe('a key names its lottery rank', () => {
  it('for every key a round can hold, up to 2⁵³, by division as exactly as by remainder', () => {
    const key = fc.integer({ min: 1, max: 2 ** 22 }).chain((E) =>
      fc.record({
        E: fc.constant(E),
        group: fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / (E + 1)) }),
        rank: fc.nat({ max: E - 1 }),
      }),
    );
    fc.assert(
      fc.property(key, ({ E, group, rank }) => {
        expect(lotteryRankOf(group * E + rank, E)).toBe(rank);
      }),
      { numRuns: 2000 },
    );
  });
});
