import fc from 'fast-check';
import { allocate } from './allocate';
import {
  laterRoundCapacity,
  placedPerSchool,
  roundResultHash,
  verifyBasis,
  type RoundBasis,
} from './later-rounds';
import type { AllocationSchool, Applicant } from './model';
import { applicantListHash, seedCommitment } from './lottery';
import { verifyRound } from './verify';

const school = (id: string, capacity: number, x = 0): AllocationSchool => ({
  id,
  capacity,
  location: { x, y: 0 },
});
const applicant = (id: string, choices: string[], eligible = true): Applicant => ({
  id,
  eligible,
  choices: choices.map((schoolId) => ({
    schoolId,
    tier: 1,
    qualifyingDate: null,
    contributionMonths: null,
  })),
  location: { x: 0, y: 0 },
});

/** A county's season: random places, a main round, releases among its placed, then a 补录. */
const season = fc
  .record({
    places: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
    main: fc.array(fc.array(fc.nat(3), { maxLength: 3 }), { maxLength: 25 }),
    late: fc.array(fc.array(fc.nat(3), { maxLength: 3 }), { maxLength: 10 }),
    releaseEvery: fc.integer({ min: 1, max: 5 }),
    seed: fc.string({ minLength: 1, maxLength: 8 }),
  })
  .map(({ places, main, late, releaseEvery, seed }) => {
    const schools = places.map((p, i) => school(`S${i}`, p, i * 100));
    const ids = (n: number[]) => n.filter((i) => i < schools.length).map((i) => `S${i}`);
    const first = allocate({
      schools,
      applicants: main.map((c, i) => applicant(`M${i}`, ids(c))),
      mechanism: 'DEFERRED_ACCEPTANCE',
      seed,
    });
    // Every releaseEvery-th placed child declines: that place is free again for the 补录.
    const placed = first.results.filter((r) => r.placement.result !== 'NOT_PLACED');
    const released = new Map<string, number>();
    const declined = new Set<string>();
    placed.forEach((r, i) => {
      if (i % releaseEvery || r.placement.result === 'NOT_PLACED') return;
      declined.add(r.applicantId);
      released.set(r.placement.schoolId, (released.get(r.placement.schoolId) ?? 0) + 1);
    });
    const capacities = laterRoundCapacity(
      schools.map((s) => ({ id: s.id, places: s.capacity })),
      placedPerSchool(first.results),
      released,
    );
    const unplaced = first.results.filter((r) => r.placement.result === 'NOT_PLACED');
    const secondSchools = schools.map((s, i) => ({ ...s, capacity: capacities[i]!.capacity }));
    const second = allocate({
      schools: secondSchools,
      applicants: [
        ...unplaced.map((r) =>
          applicant(r.applicantId, ids(main[Number(r.applicantId.slice(1))]!)),
        ),
        ...late.map((c, i) => applicant(`L${i}`, ids(c))),
      ],
      mechanism: 'DEFERRED_ACCEPTANCE',
      seed: `${seed}-2`,
    });
    return { schools, first, second, released, declined, capacities, secondSchools };
  });

describe('a later round (补录)', () => {
  it('never holds a place twice: per school, placed in both rounds less released ≤ places', () => {
    fc.assert(
      fc.property(season, ({ schools, first, second, released }) => {
        const placed = placedPerSchool([...first.results, ...second.results]);
        for (const s of schools)
          expect((placed.get(s.id) ?? 0) - (released.get(s.id) ?? 0)).toBeLessThanOrEqual(
            s.capacity,
          );
        const ids = second.results.map((r) => r.applicantId);
        const placedFirst = first.results.filter((r) => r.placement.result !== 'NOT_PLACED');
        expect(placedFirst.some((r) => ids.includes(r.applicantId))).toBe(false);
      }),
    );
  });

  it('fills every free place while eligible children are left, by choice or by the bureau', () => {
    fc.assert(
      fc.property(season, ({ second, capacities }) => {
        const free = capacities.reduce((n, c) => n + c.capacity, 0);
        const placed = second.results.filter((r) => r.placement.result !== 'NOT_PLACED').length;
        expect(placed).toBe(Math.min(free, second.results.length));
      }),
    );
  });

  it('has capacity = places − placed earlier + released, never below zero', () => {
    const capacity = laterRoundCapacity(
      [
        { id: 'A', places: 10 },
        { id: 'B', places: 2 },
        { id: 'C', places: 5 },
      ],
      new Map([
        ['A', 10],
        ['B', 4],
      ]),
      new Map([['A', 3]]),
    );
    expect(capacity.map((c) => c.capacity)).toEqual([3, 0, 5]);
    expect(capacity[0]).toEqual({
      schoolId: 'A',
      places: 10,
      placedEarlier: 10,
      released: 3,
      capacity: 3,
    });
  });

  it('hashes results whatever their order, and any changed placement changes the hash', () => {
    const results = [
      { applicantId: 'a', placement: { result: 'NOT_PLACED' as const } },
      { applicantId: 'b', placement: { result: 'ASSIGNED_BY_BUREAU' as const, schoolId: 'S' } },
    ];
    expect(roundResultHash(results)).toBe(roundResultHash([...results].reverse()));
    expect(roundResultHash(results)).not.toBe(
      roundResultHash([results[0]!, { applicantId: 'b', placement: { result: 'NOT_PLACED' } }]),
    );
  });

  it('verifies: MATCH from the earlier results and releases; each tampering is named', () => {
    fc.assert(
      fc.property(season, ({ first, released, capacities, secondSchools }) => {
        const basis: RoundBasis = {
          earlierRounds: [{ roundId: 'R1', resultHash: roundResultHash(first.results) }],
          schools: capacities,
        };
        const evidence = {
          earlierResults: { R1: first.results },
          released: Object.fromEntries(released),
        };
        expect(verifyBasis(basis, evidence, secondSchools)).toEqual([]);
        const round = {
          seed: 'x',
          seedCommitment: seedCommitment('x'),
          applicantListHash: applicantListHash([]),
          mechanism: 'DEFERRED_ACCEPTANCE' as const,
          schools: secondSchools,
          applicants: [],
          results: [],
          later: { basis, evidence },
        };
        expect(verifyRound(round).verdict).toBe('MATCH');
        const more = secondSchools.map((s, i) => (i ? s : { ...s, capacity: s.capacity + 1 }));
        expect(verifyBasis(basis, evidence, more).join()).toContain(secondSchools[0]!.id);
        const extra = { [secondSchools[0]!.id]: (released.get(secondSchools[0]!.id) ?? 0) + 1 };
        expect(verifyBasis(basis, { ...evidence, released: extra }, secondSchools)).not.toEqual([]);
      }),
    );
  });

  it('names an earlier round whose results changed after the later round started from them', () => {
    const first = allocate({
      schools: [school('S', 1)],
      applicants: [applicant('a', ['S']), applicant('b', ['S'])],
      mechanism: 'DEFERRED_ACCEPTANCE',
      seed: 's',
    });
    const basis: RoundBasis = {
      earlierRounds: [{ roundId: 'R1', resultHash: roundResultHash(first.results) }],
      schools: [{ schoolId: 'S', places: 1, placedEarlier: 1, released: 0, capacity: 0 }],
    };
    const tampered = first.results.map((r) => ({
      ...r,
      placement: { result: 'NOT_PLACED' as const },
    }));
    const differences = verifyBasis(basis, { earlierResults: { R1: tampered }, released: {} }, [
      school('S', 0),
    ]);
    expect(differences.join('\n')).toContain('earlier round R1');
    expect(differences.join('\n')).toContain('school S');
  });
});
