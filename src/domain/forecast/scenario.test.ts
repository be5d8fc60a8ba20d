import { allocate } from '../allocation/allocate';
import type { AllocationSchool, Applicant } from '../allocation/model';
import { compareScenarios, forecastApplicants, runScenario } from './scenario';

const SCHOOLS: AllocationSchool[] = [
  { id: 'P01', capacity: 10, location: { x: 0, y: 0 } },
  { id: 'P02', capacity: 8, location: { x: 1000, y: 0 } },
  { id: 'P03', capacity: 5, location: { x: 5000, y: 0 } },
];

describe('the shortfall scenario', () => {
  const applicants = forecastApplicants([
    { schoolId: 'P01', location: { x: 0, y: 0 }, byTier: { 1: 6, 2: 4.4, 8: 3.6 } },
    { schoolId: 'P02', location: { x: 1000, y: 0 }, byTier: { 1: 3, 5: 2, 8: 1 } },
  ]);

  it('makes whole applicants from expected counts, tier by tier', () => {
    expect(applicants).toHaveLength(6 + 4 + 4 + 3 + 2 + 1);
    expect(applicants.filter((a) => a.choices[0]!.tier === 8)).toHaveLength(5);
  });

  it('shows who the bureau places, by tier and where: P01 is 4 short, tier 8 goes to P02', () => {
    const [base] = compareScenarios(
      { schools: SCHOOLS, applicants, mechanism: 'DEFERRED_ACCEPTANCE', seed: 's' },
      [],
    );
    expect(base!.tiers.find((t) => t.tier === 1)).toMatchObject({ admitted: 9, byBureau: 0 });
    const tier8 = base!.tiers.find((t) => t.tier === 8)!;
    expect(tier8).toMatchObject({ applicants: 5, admitted: 1, byBureau: 4, notPlaced: 0 });
    // P02 has 2 spare places (8 − 6), nearest to P01; the other 2 go on to P03.
    expect(tier8.bureauSchools).toEqual({ P02: 2, P03: 2 });
  });

  it('compares extra places side by side', () => {
    const [base, more] = compareScenarios(
      { schools: SCHOOLS, applicants, mechanism: 'DEFERRED_ACCEPTANCE', seed: 's' },
      [{ name: '+4 at P01', extraPlaces: { P01: 4 } }],
    );
    expect(base!.tiers.reduce((s, t) => s + t.byBureau, 0)).toBe(4);
    expect(more!.name).toBe('+4 at P01');
    expect(more!.tiers.reduce((s, t) => s + t.byBureau, 0)).toBe(0);
  });

  it('equals a real round on the same applicants', () => {
    // Real applicants with several choices, ineligible ones and tie-break keys, as a round freezes them.
    const real: Applicant[] = Array.from({ length: 40 }, (_, i) => ({
      id: `2027-450103-${String(i).padStart(6, '0')}`,
      eligible: i % 9 !== 0,
      choices: [
        {
          schoolId: ['P01', 'P02', 'P03'][i % 3]!,
          tier: 1 + (i % 8),
          qualifyingDate: i % 2 ? '2020-01-01' : null,
          contributionMonths: null,
        },
        { schoolId: 'P02', tier: 9, qualifyingDate: null, contributionMonths: i % 24 },
      ],
      location: { x: (i * 137) % 5000, y: 0 },
    }));
    const input = {
      schools: SCHOOLS,
      applicants: real,
      mechanism: 'DEFERRED_ACCEPTANCE' as const,
      seed: 'round-seed',
    };
    const round = allocate(input);
    const scenario = runScenario('live', input);
    expect(scenario.schools).toEqual(
      round.schools.map((s) => ({
        schoolId: s.schoolId,
        capacity: s.capacity,
        admitted: s.admitted,
        bureau: s.bureau,
      })),
    );
    const bureauByTier = new Map<number, number>();
    for (const r of round.results) {
      if (r.placement.result !== 'ASSIGNED_BY_BUREAU') continue;
      const tier = Math.min(
        ...real.find((a) => a.id === r.applicantId)!.choices.map((c) => c.tier),
      );
      bureauByTier.set(tier, (bureauByTier.get(tier) ?? 0) + 1);
    }
    for (const t of scenario.tiers) expect(t.byBureau).toBe(bureauByTier.get(t.tier) ?? 0);
    expect(scenario.tiers.reduce((s, t) => s + t.applicants, 0)).toBe(
      real.filter((a) => a.eligible).length,
    );
  });
});
