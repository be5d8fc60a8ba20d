import fc from 'fast-check';
import { allocate } from './allocate';
import type {
  AllocationInput,
  AllocationResult,
  ApplicantChoice,
  Mechanism,
  PriorityKey,
} from './model';
import { comparePriority } from './priority';
import { applicantListHash, lotteryNumber, seedCommitment } from './lottery';
import { verifyRound } from './verify';

/**
 * Properties of the allocation over generated counties shaped like real ones: public schools that
 * rank by tier, qualifying date and contribution months (with ties and missing values), private
 * schools that admit by lottery alone (公民同招), tight capacities and, in the larger runs,
 * hundreds of applicants.
 */
interface County {
  readonly input: AllocationInput;
  readonly privateSchools: ReadonlySet<string>;
}

const DATES = ['2019-03-01', '2020-06-15', '2020-06-15', '2021-09-01', null] as const;
const MONTHS = [0, 12, 12, 36, null] as const;

function arbitraryCounty(
  mechanism: Mechanism,
  size: { minApplicants: number; applicants: number; schools: number },
) {
  const school = fc.record({
    capacity: fc.integer({ min: 0, max: Math.max(2, Math.ceil(size.applicants / size.schools)) }),
    private: fc.boolean(),
    x: fc.integer({ min: 0, max: 1000 }),
    y: fc.integer({ min: 0, max: 1000 }),
  });
  const applicant = fc.record({
    choices: fc.array(
      fc.record({
        school: fc.nat({ max: size.schools - 1 }),
        tier: fc.integer({ min: 1, max: 5 }),
        date: fc.constantFrom(...DATES),
        months: fc.constantFrom(...MONTHS),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    eligible: fc.nat({ max: 9 }).map((n) => n > 0),
    x: fc.integer({ min: 0, max: 1000 }),
    y: fc.integer({ min: 0, max: 1000 }),
  });
  return fc
    .record({
      schools: fc.array(school, { minLength: 1, maxLength: size.schools, size: 'max' }),
      applicants: fc.array(applicant, {
        minLength: size.minApplicants,
        maxLength: size.applicants,
        size: 'max',
      }),
      seed: fc.string({ minLength: 1, maxLength: 16 }),
    })
    .map(({ schools, applicants, seed }): County => {
      const privateSchools = new Set(schools.flatMap((s, i) => (s.private ? [`S${i}`] : [])));
      const choice = (c: (typeof applicants)[number]['choices'][number]): ApplicantChoice => {
        const schoolId = `S${c.school % schools.length}`;
        // The rule freezeRound applies: at a private school every applicant has the same key.
        return privateSchools.has(schoolId)
          ? { schoolId, tier: 1, qualifyingDate: null, contributionMonths: null }
          : { schoolId, tier: c.tier, qualifyingDate: c.date, contributionMonths: c.months };
      };
      return {
        privateSchools,
        input: {
          schools: schools.map((s, i) => ({
            id: `S${i}`,
            capacity: s.capacity,
            location: { x: s.x, y: s.y },
          })),
          applicants: applicants.map((a, i) => ({
            id: `A${String(i).padStart(4, '0')}`,
            eligible: a.eligible,
            location: { x: a.x, y: a.y },
            // Distinct schools, as the form requires (the allocation would drop repeats).
            choices: a.choices
              .map(choice)
              .filter((c, k, all) => all.findIndex((o) => o.schoolId === c.schoolId) === k),
          })),
          mechanism,
          seed,
        },
      };
    });
}

const small = { minApplicants: 0, applicants: 30, schools: 5 };
/** Hundreds of applicants for a few schools whose places are about half of them. */
const large = { minApplicants: 200, applicants: 400, schools: 8 };
const LARGE_RUNS = { numRuns: 15 };

const placedAt = (result: AllocationResult, schoolId: string) =>
  result.results.filter(
    (r) => r.placement.result !== 'NOT_PLACED' && r.placement.schoolId === schoolId,
  );
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

// Each check gathers what breaks the property and makes one expectation of it: Jest's matchers
// are slow over the hundreds of applicants of the larger runs.
function checkCapacityAndEligibility({ input }: County): void {
  const result = allocate(input);
  for (const s of input.schools) {
    expect(placedAt(result, s.id).length).toBeLessThanOrEqual(s.capacity);
    const summary = result.schools.find((x) => x.schoolId === s.id)!;
    expect(summary.admitted + summary.bureau).toBe(placedAt(result, s.id).length);
  }
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const wrong = result.results.filter((r) => {
    const own = byId.get(r.applicantId)!;
    if (r.placement.result === 'NOT_PLACED') return false;
    // Only the eligible are placed; an admission is to the choice at the rank it says.
    return (
      !own.eligible ||
      (r.placement.result === 'ADMITTED' &&
        own.choices[r.placement.choiceRank - 1]?.schoolId !== r.placement.schoolId)
    );
  });
  expect(wrong).toEqual([]);
}

/** The bureau wastes no place, places only the unadmitted, and picks the nearest school with room. */
function checkBureau({ input }: County): void {
  const result = allocate(input);
  const room = new Map(
    input.schools.map((s) => [s.id, s.capacity - placedAt(result, s.id).length]),
  );
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const notPlaced = result.results.filter(
    (r) => r.placement.result === 'NOT_PLACED' && byId.get(r.applicantId)!.eligible,
  );
  if (notPlaced.length > 0) expect([...room.values()].every((left) => left === 0)).toBe(true);
  // A school with room left at the end had room when each bureau placement was made.
  const withRoom = input.schools.filter((x) => room.get(x.id)! > 0);
  const wrong = result.results.filter((r) => {
    const placement = r.placement;
    if (placement.result !== 'ASSIGNED_BY_BUREAU') return false;
    const home = byId.get(r.applicantId)!.location;
    const assigned = input.schools.find((s) => s.id === placement.schoolId)!;
    const nearerWithRoom = withRoom.some((s) => {
      const nearer = distance(home, s.location) - distance(home, assigned.location);
      return nearer < 0 || (nearer === 0 && s.id < assigned.id);
    });
    return r.choices.some((c) => c.obtained) || nearerWithRoom;
  });
  expect(wrong).toEqual([]);
}

describe.each<Mechanism>(['DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST'])(
  '%s over generated counties',
  (mechanism) => {
    it('fills no school beyond its places, places only the eligible, admits only to a choice', () => {
      fc.assert(fc.property(arbitraryCounty(mechanism, small), checkCapacityAndEligibility));
      fc.assert(
        fc.property(arbitraryCounty(mechanism, large), checkCapacityAndEligibility),
        LARGE_RUNS,
      );
    });

    it('places by the bureau only those admitted nowhere, nearest school with room first, wasting no place', () => {
      fc.assert(fc.property(arbitraryCounty(mechanism, small), checkBureau));
      fc.assert(fc.property(arbitraryCounty(mechanism, large), checkBureau), LARGE_RUNS);
    });

    it('publishes a round that verifies, and any changed placement is found', () => {
      fc.assert(
        fc.property(arbitraryCounty(mechanism, small), fc.nat(), ({ input }, pick) => {
          const { results } = allocate(input);
          const round = {
            seed: input.seed,
            seedCommitment: seedCommitment(input.seed),
            applicantListHash: applicantListHash(input.applicants.map((a) => a.id)),
            mechanism,
            schools: input.schools,
            applicants: input.applicants,
            results,
          };
          expect(verifyRound(round)).toEqual({ verdict: 'MATCH', differences: [] });
          fc.pre(results.length > 0);
          const victim = results[pick % results.length]!;
          const changed = results.map((r) =>
            r === victim
              ? {
                  ...r,
                  placement:
                    r.placement.result === 'NOT_PLACED'
                      ? { result: 'ASSIGNED_BY_BUREAU' as const, schoolId: 'S0' }
                      : { result: 'NOT_PLACED' as const },
                }
              : r,
          );
          const verdict = verifyRound({ ...round, results: changed });
          expect(verdict.verdict).toBe('MISMATCH');
          expect(verdict.differences.join('\n')).toContain(victim.applicantId);
        }),
      );
    });
  },
);

/** Every applicant who would rather have school S than its result, with its key there. */
function envious(result: AllocationResult, schoolId: string) {
  return result.results.flatMap((r) => {
    const at = r.choices.findIndex((c) => c.schoolId === schoolId);
    const obtained = r.choices.findIndex((c) => c.obtained);
    return at >= 0 && (obtained < 0 || at < obtained) ? [{ r, key: r.choices[at]!.own }] : [];
  });
}

describe('deferred acceptance over generated counties', () => {
  const mechanism = 'DEFERRED_ACCEPTANCE';

  it('is stable under the full key: tier, then the earlier qualifying date, then more contribution months, then the lottery', () => {
    const check = ({ input }: County) => {
      const result = allocate(input);
      for (const s of input.schools) {
        const holders = result.results.flatMap((r) =>
          r.placement.result === 'ADMITTED' && r.placement.schoolId === s.id
            ? [r.choices.find((c) => c.schoolId === s.id)!.own]
            : [],
        );
        // One expectation per school: Jest's matchers are slow over hundreds of pairs.
        const blocking = envious(result, s.id).flatMap(({ r, key }) =>
          holders.length < s.capacity || holders.some((held) => comparePriority(held, key) >= 0)
            ? [r.applicantId]
            : [],
        );
        expect({ school: s.id, blocking }).toEqual({ school: s.id, blocking: [] });
      }
    };
    fc.assert(fc.property(arbitraryCounty(mechanism, small), check));
    fc.assert(fc.property(arbitraryCounty(mechanism, large), check), LARGE_RUNS);
  });

  it('fills a full private school by lottery alone: each admitted draw is smaller than each envious one', () => {
    fc.assert(
      fc.property(arbitraryCounty(mechanism, small), ({ input, privateSchools }) => {
        const result = allocate(input);
        for (const schoolId of privateSchools) {
          const admitted = result.results.filter(
            (r) => r.placement.result === 'ADMITTED' && r.placement.schoolId === schoolId,
          );
          const drawOf = (id: string) => lotteryNumber(input.seed, id);
          const lastAdmitted =
            admitted
              .map((a) => drawOf(a.applicantId))
              .sort()
              .at(-1) ?? '';
          for (const { r } of envious(result, schoolId))
            expect(lastAdmitted < drawOf(r.applicantId)).toBe(true);
          // The draw it explains is the published algorithm's, sha256(seed | applicant id).
          for (const a of admitted)
            expect(a.choices.find((c) => c.schoolId === schoolId)!.own).toEqual({
              tier: 1,
              qualifyingDate: null,
              contributionMonths: null,
              lottery: drawOf(a.applicantId),
            });
        }
      }),
    );
  });
});

describe('first-choice-first over generated counties', () => {
  it('never lets a later-rank choice take a place from an applicant who ranked the school earlier and got nothing better', () => {
    const check = ({ input }: County) => {
      const result = allocate(input);
      for (const s of input.schools) {
        const ranksHeld = result.results.flatMap((r) =>
          r.placement.result === 'ADMITTED' && r.placement.schoolId === s.id
            ? [r.placement.choiceRank]
            : [],
        );
        for (const r of result.results) {
          const rank = r.choices.findIndex((c) => c.schoolId === s.id) + 1;
          const got = r.placement.result === 'ADMITTED' ? r.placement.choiceRank : Infinity;
          if (rank === 0 || got <= rank) continue;
          expect(Math.max(0, ...ranksHeld)).toBeLessThanOrEqual(rank);
        }
      }
    };
    fc.assert(fc.property(arbitraryCounty('FIRST_CHOICE_FIRST', small), check));
    fc.assert(fc.property(arbitraryCounty('FIRST_CHOICE_FIRST', large), check), LARGE_RUNS);
  });
});

describe('the priority order', () => {
  const key = fc.record({
    tier: fc.integer({ min: 1, max: 3 }),
    qualifyingDate: fc.constantFrom(...DATES),
    contributionMonths: fc.constantFrom(...MONTHS),
    lottery: fc.constantFrom('0a', '0b', 'ff'),
  });
  const sign = (n: number) => Math.sign(n);

  it('is a total order: antisymmetric, transitive, and equal only for equal keys', () => {
    fc.assert(
      fc.property(key, key, key, (a: PriorityKey, b: PriorityKey, c: PriorityKey) => {
        expect(sign(comparePriority(a, b)) + sign(comparePriority(b, a))).toBe(0);
        if (comparePriority(a, b) <= 0 && comparePriority(b, c) <= 0)
          expect(comparePriority(a, c)).toBeLessThanOrEqual(0);
        if (comparePriority(a, b) === 0) expect(a).toEqual(b);
      }),
    );
  });

  it('within a tier puts any date before a missing one and an earlier date first, whatever the rest', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        fc.pre(a.tier === b.tier && a.qualifyingDate !== b.qualifyingDate);
        const aFirst =
          b.qualifyingDate === null ||
          (a.qualifyingDate !== null && a.qualifyingDate < b.qualifyingDate);
        expect(comparePriority(a, b) < 0).toBe(aFirst);
      }),
    );
  });
});
