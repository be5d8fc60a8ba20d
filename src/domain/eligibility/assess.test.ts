import { assessPriority } from './assess';
import {
  ELSEWHERE_IN_CATCHMENT,
  facts,
  home,
  hukou,
  HOME,
  IN,
  migrant,
  OUT,
  SCHOOL,
} from '../../testing/verified-facts';
import type { SchoolCatchment, VerifiedFacts } from './facts';
import { DEFAULT_POLICY, type PriorityPolicy } from './policy';

const school = SCHOOL;
const junior: SchoolCatchment = {
  id: '450103-J01',
  stage: 'JUNIOR_1',
  catchmentUnits: [IN],
  feederPrimaryIds: ['450103-P01'],
};
const farSchool: SchoolCatchment = {
  id: '450103-P02',
  stage: 'PRIMARY_1',
  catchmentUnits: [OUT],
  feederPrimaryIds: [],
};

function tierOf(
  f: VerifiedFacts,
  choices: SchoolCatchment[] = [school],
  policy: PriorityPolicy = DEFAULT_POLICY,
) {
  const result = assessPriority({
    facts: f,
    choices,
    policy,
    bornOnOrBefore: f.stage === 'PRIMARY_1' ? '2020-08-31' : '2015-08-31',
  });
  return result.eligible ? result.schools.map((s) => s.tier) : result.notes.map((n) => n.code);
}

const LOCK = {
  certificateNo: home().certificateNo,
  lockedUntil: '2029-08-31',
  applicationNo: '2023-450103-000042-7',
};

describe('priority tiers from verified facts (default policy)', () => {
  it.each<[string, VerifiedFacts, (number | string)[], SchoolCatchment[]?]>([
    [
      'sole-owned home at the hukou address in the catchment',
      facts({ household: hukou(), property: home() }),
      [1],
    ],
    [
      'co-owned home at the hukou address',
      facts({ household: hukou(), property: home({ soleOwnership: false }) }),
      [2],
    ],
    [
      'purchase contract, sole buyers, at the hukou address',
      facts({ household: hukou(), property: home({ kind: 'PURCHASE_CONTRACT' }) }),
      [1],
    ],
    [
      'same address written with full-width characters and spaces',
      facts({ household: hukou(), property: home({ address: '南宁市青秀区民族大道 １００号' }) }),
      [1],
    ],
    [
      'hukou in the catchment and a home elsewhere in it',
      facts({ household: hukou(), property: home({ address: ELSEWHERE_IN_CATCHMENT }) }),
      [3],
    ],
    [
      'grandparents’ home with the hukou in their household',
      facts({
        household: hukou('2020-01-01', { memberRelations: ['GRANDPARENT', 'GUARDIAN'] }),
        property: home({ holder: 'GRANDPARENT' }),
      }),
      [4],
    ],
    [
      'grandparents’ home but they are not in the household',
      facts({ household: hukou('2020-01-01'), property: home({ holder: 'GRANDPARENT' }) }),
      [5],
    ],
    [
      'grandparents’ home at another address',
      facts({
        household: hukou('2020-01-01', { memberRelations: ['GRANDPARENT'] }),
        property: home({ holder: 'GRANDPARENT', address: ELSEWHERE_IN_CATCHMENT }),
      }),
      [5],
    ],
    ['hukou in the catchment two years, no home', facts({ household: hukou('2024-06-01') }), [5]],
    [
      'hukou in the catchment exactly twelve months',
      facts({ household: hukou('2025-08-31') }),
      [5],
    ],
    ['hukou in the catchment eleven months', facts({ household: hukou('2025-09-01') }), [7]],
    ['hukou in the catchment three months', facts({ household: hukou('2026-05-20') }), [7]],
    [
      'a relative’s home at the hukou address',
      facts({ household: hukou('2022-01-01'), property: home({ holder: 'OTHER' }) }),
      [5],
    ],
    [
      'a registered rental is not a home',
      facts({ household: hukou('2022-01-01'), property: home({ kind: 'REGISTERED_RENTAL' }) }),
      [5],
    ],
    [
      'a guardian home outside the catchment, hukou in it',
      facts({
        household: hukou('2022-01-01'),
        property: home({ address: '某处', catchmentUnit: OUT }),
      }),
      [5],
    ],
    [
      'guardian home in the catchment, hukou elsewhere',
      facts({
        household: hukou('2010-01-01', { catchmentUnit: OUT, address: '别处' }),
        property: home(),
      }),
      [6],
    ],
    [
      'home and hukou both outside the catchment',
      facts({
        household: hukou('2010-01-01', { catchmentUnit: OUT, address: HOME }),
        property: home({ catchmentUnit: OUT }),
      }),
      [9],
    ],
    ['no hukou or home facts confirmed', facts(), [9]],
    ['non-local with the four proofs', facts(migrant()), [8]],
    [
      'non-local who bought a home in the catchment',
      facts(migrant({ property: home({ address: ELSEWHERE_IN_CATCHMENT }) })),
      [6],
    ],
    [
      'non-local with 6 months of social insurance',
      facts(
        migrant({ socialInsurance: { cityCode: '450100', monthsPaidLast24: 6, active: true } }),
      ),
      [9],
    ],
    [
      'non-local insured in another city',
      facts(
        migrant({ socialInsurance: { cityCode: '450200', monthsPaidLast24: 24, active: true } }),
      ),
      [9],
    ],
    [
      'non-local with a permit of another county',
      facts(
        migrant({
          residencePermit: {
            countyCode: '450105',
            issueDate: '2024-03-01',
            expiryDate: '2027-03-01',
          },
        }),
      ),
      [9],
    ],
    [
      'non-local with an expired permit',
      facts(
        migrant({
          residencePermit: {
            countyCode: '450103',
            issueDate: '2023-03-01',
            expiryDate: '2026-03-01',
          },
        }),
      ),
      [9],
    ],
    [
      'non-local renting outside the catchment',
      facts(migrant({ property: home({ kind: 'REGISTERED_RENTAL', catchmentUnit: OUT }) })),
      [9],
    ],
    [
      'non-local whose hukou booklet is not confirmed',
      facts(migrant({ household: undefined })),
      [9],
    ],
    ['confirmed policy care, nothing else', facts({ policyCareConfirmed: true }), [1]],
    [
      'policy care claimed but not confirmed',
      facts({ policyCareConfirmed: false, household: hukou('2026-01-01') }),
      [7],
    ],
    [
      'locked certificate: home tiers lost, hukou over a year',
      facts({ household: hukou('2021-05-01'), property: home(), housingLock: LOCK }),
      [5],
    ],
    [
      'locked certificate: hukou under a year',
      facts({ household: hukou('2026-02-01'), property: home(), housingLock: LOCK }),
      [7],
    ],
    [
      'locked certificate: hukou elsewhere',
      facts({
        household: hukou('2010-01-01', { catchmentUnit: OUT, address: '别处' }),
        property: home(),
        housingLock: LOCK,
      }),
      [9],
    ],
    [
      'lock that ends before the season',
      facts({
        household: hukou(),
        property: home(),
        housingLock: { ...LOCK, lockedUntil: '2026-06-30' },
      }),
      [1],
    ],
    [
      'locked certificate does not touch policy care',
      facts({ policyCareConfirmed: true, property: home(), housingLock: LOCK }),
      [1],
    ],
    [
      'JUNIOR_1 from a feeder primary',
      facts({ stage: 'JUNIOR_1', birthDate: '2014-10-01', currentPrimarySchoolId: '450103-P01' }),
      [1],
      [junior],
    ],
    [
      'JUNIOR_1 from another primary, hukou two years',
      facts({
        stage: 'JUNIOR_1',
        birthDate: '2014-10-01',
        currentPrimarySchoolId: '450105-P09',
        household: hukou('2024-01-01'),
      }),
      [5],
      [junior],
    ],
    [
      'JUNIOR_1 too young',
      facts({ stage: 'JUNIOR_1', birthDate: '2015-09-01', currentPrimarySchoolId: '450103-P01' }),
      ['TOO_YOUNG'],
      [junior],
    ],
    [
      'born on 31 August: of age',
      facts({ birthDate: '2020-08-31', household: hukou(), property: home() }),
      [1],
    ],
    [
      'born on 1 September: too young',
      facts({ birthDate: '2020-09-01', household: hukou(), property: home() }),
      ['TOO_YOUNG'],
    ],
    [
      'identity not confirmed',
      facts({ identityConfirmed: false, household: hukou(), property: home() }),
      ['IDENTITY_NOT_CONFIRMED'],
    ],
    [
      'several choices: a tier per school',
      facts({ household: hukou(), property: home() }),
      [1, 9],
      [school, farSchool],
    ],
    [
      'a family that said “sole owner” where the registry says co-owned',
      facts({ household: hukou(), property: home({ soleOwnership: false }) }),
      [2],
    ],
    [
      'siblings in the household change nothing',
      facts({ household: hukou('2023-01-01', { memberRelations: ['GUARDIAN', 'SIBLING'] }) }),
      [5],
    ],
  ])('%s', (_name, f, expected, ...choices) => {
    // A rest parameter: Jest would take a declared fourth parameter for a `done` callback.
    expect(tierOf(f, choices[0])).toEqual(expected);
  });

  it('keeps the evidence and tie-break keys the tier rests on', () => {
    const result = assessPriority({
      facts: facts({ household: hukou('2021-05-01'), property: home() }),
      choices: [school],
      policy: DEFAULT_POLICY,
      bornOnOrBefore: '2020-08-31',
    });
    expect(result.schools[0]).toMatchObject({
      tier: 1,
      predicate: 'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
      qualifyingDate: '2021-05-01',
      contributionMonths: null,
    });
    expect(result.schools[0]!.evidence.join(' ')).toContain(home().certificateNo);
    const migrantResult = assessPriority({
      facts: facts(migrant()),
      choices: [school],
      policy: DEFAULT_POLICY,
      bornOnOrBefore: '2020-08-31',
    });
    expect(migrantResult.schools[0]).toMatchObject({
      tier: 8,
      qualifyingDate: '2024-03-01',
      contributionMonths: 18,
    });
  });

  it('says why a locked certificate lost its tier: the year of the admission, nothing more', () => {
    const result = assessPriority({
      facts: facts({ household: hukou(), property: home(), housingLock: LOCK }),
      choices: [school],
      policy: DEFAULT_POLICY,
      bornOnOrBefore: '2020-08-31',
    });
    expect(result.notes).toEqual([
      expect.objectContaining({ code: 'HOUSING_LOCKED', en: expect.stringContaining('2023') }),
    ]);
    // Another family's case: neither its number (nor any part of it) nor the certificate's.
    const text = JSON.stringify(result.notes);
    for (const leak of [LOCK.applicationNo, '000042', LOCK.certificateNo, LOCK.lockedUntil])
      expect(text).not.toContain(leak);
  });
});

describe('policy is data: a county can change thresholds and order', () => {
  it('applies a 24-month hukou threshold', () => {
    expect(
      tierOf(facts({ household: hukou('2025-02-01') }), [school], {
        ...DEFAULT_POLICY,
        hukouMonthsThreshold: 24,
      }),
    ).toEqual([7]);
  });
  it('applies a 6-month social-insurance threshold', () => {
    const f = facts(
      migrant({ socialInsurance: { cityCode: '450100', monthsPaidLast24: 6, active: true } }),
    );
    expect(tierOf(f, [school], { ...DEFAULT_POLICY, socialInsuranceMonths: 6 })).toEqual([8]);
  });
  it('ranks tiers by the policy’s own ranks', () => {
    const tiers = DEFAULT_POLICY.tiers.map((t) =>
      t.predicates.includes('MIGRANT_WITH_FOUR_PROOFS') ? { ...t, rank: 6.5 } : t,
    );
    expect(tierOf(facts(migrant()), [school], { ...DEFAULT_POLICY, tiers })).toEqual([6.5]);
  });
});
