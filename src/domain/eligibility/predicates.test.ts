import {
  ELSEWHERE_IN_CATCHMENT,
  OUT,
  SCHOOL,
  facts,
  home,
  hukou,
  migrant,
} from '../../testing/verified-facts';
import type { SchoolCatchment, VerifiedFacts } from './facts';
import { DEFAULT_POLICY, type PredicateName, type PriorityPolicy } from './policy';
import { evaluatePredicate } from './predicates';

/**
 * Each predicate of the catalogue on its own, as a county may place it in any tier: whether it
 * holds, the evidence a reviewer reads, and the tie-break keys it gives.
 */
const evaluate = (
  name: PredicateName,
  f: VerifiedFacts,
  {
    school = SCHOOL,
    policy = DEFAULT_POLICY,
    homeUsable = true,
  }: { school?: SchoolCatchment; policy?: PriorityPolicy; homeUsable?: boolean } = {},
) => evaluatePredicate(name, { facts: f, school, policy, homeUsable });

const CERTIFICATE = home().certificateNo;
const NO = { holds: false, evidence: [] };

describe('policy care (政策性照顾)', () => {
  it('does not hold on a claim the bureau has not confirmed', () => {
    expect(evaluate('POLICY_CARE', facts({ policyCareCategory: 'MILITARY' }))).toEqual(NO);
  });
  it('holds on a confirmation without a category, which predates categories', () => {
    expect(evaluate('POLICY_CARE', facts({ policyCareConfirmed: true }))).toEqual({
      holds: true,
      evidence: ['policy care confirmed by the bureau'],
    });
  });
  it('names the confirmed category in both languages', () => {
    const confirmed = facts({ policyCareConfirmed: true, policyCareCategory: 'MILITARY' });
    expect(evaluate('POLICY_CARE', confirmed)).toEqual({
      holds: true,
      evidence: [
        'policy care confirmed by the bureau: 军人子女 (children of service members, MILITARY)',
      ],
    });
  });
  it('counts the regional plan’s categories when a county’s policy lists none', () => {
    const confirmed = facts({ policyCareConfirmed: true, policyCareCategory: 'FIREFIGHTER' });
    const policy = { ...DEFAULT_POLICY, policyCare: undefined };
    expect(evaluate('POLICY_CARE', confirmed, { policy }).holds).toBe(true);
  });
});

describe('feeder primary (对口直升)', () => {
  const junior: SchoolCatchment = {
    ...SCHOOL,
    stage: 'JUNIOR_1',
    feederPrimaryIds: ['450103-P01'],
  };
  it('holds for a JUNIOR_1 child from one of the school’s feeder primaries', () => {
    const f = facts({ stage: 'JUNIOR_1', currentPrimarySchoolId: '450103-P01' });
    expect(evaluate('FEEDER_PRIMARY', f, { school: junior })).toEqual({
      holds: true,
      evidence: ['attends feeder primary 450103-P01'],
    });
  });
  it('does not hold for PRIMARY_1, from another primary, or with no primary named', () => {
    const from = (stage: 'PRIMARY_1' | 'JUNIOR_1', currentPrimarySchoolId?: string) =>
      evaluate('FEEDER_PRIMARY', facts({ stage, currentPrimarySchoolId }), { school: junior });
    expect(from('PRIMARY_1', '450103-P01')).toEqual(NO);
    expect(from('JUNIOR_1', '450105-P09')).toEqual(NO);
    expect(from('JUNIOR_1')).toEqual(NO);
  });
});

describe('a home at the hukou address (房户一致)', () => {
  it('gives the later of registration and move-in as the qualifying date', () => {
    expect(
      evaluate(
        'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
        facts({ household: hukou('2021-05-01'), property: home() }),
      ),
    ).toEqual({
      holds: true,
      evidence: [
        `property ${CERTIFICATE} (sole) registered 2019-06-01`,
        'hukou at the same address since 2021-05-01',
      ],
      qualifyingDate: '2021-05-01',
    });
    const boughtLater = facts({
      household: hukou('2018-01-01'),
      property: home({ registrationDate: '2022-09-09' }),
    });
    expect(evaluate('SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT', boughtLater).qualifyingDate).toBe(
      '2022-09-09',
    );
  });
  it('says co-owned for a home the guardians share with others', () => {
    const shared = facts({ household: hukou(), property: home({ soleOwnership: false }) });
    expect(evaluate('CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT', shared).evidence[0]).toBe(
      `property ${CERTIFICATE} (co-owned) registered 2019-06-01`,
    );
    expect(evaluate('SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT', shared)).toEqual(NO);
  });
});

describe('hukou in the catchment with a home elsewhere in it', () => {
  it('holds with the home’s registration date as the qualifying date', () => {
    const f = facts({ household: hukou(), property: home({ address: ELSEWHERE_IN_CATCHMENT }) });
    expect(evaluate('HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT', f)).toEqual({
      holds: true,
      evidence: [
        'hukou in the catchment since 2021-05-01',
        `property ${CERTIFICATE} in the catchment at another address`,
      ],
      qualifyingDate: '2019-06-01',
    });
  });
  it('does not hold without a hukou in the catchment', () => {
    const f = facts({
      household: hukou('2020-01-01', { catchmentUnit: OUT }),
      property: home({ address: ELSEWHERE_IN_CATCHMENT }),
    });
    expect(evaluate('HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT', f)).toEqual(NO);
  });
});

describe('three generations at a grandparent’s home (三代同堂)', () => {
  const household = hukou('2020-01-01', { memberRelations: ['GRANDPARENT', 'GUARDIAN'] });
  it('holds from the child’s move into the grandparents’ household', () => {
    const f = facts({ household, property: home({ holder: 'GRANDPARENT' }) });
    expect(evaluate('THREE_GENERATIONS_AT_GRANDPARENT_HOME', f)).toEqual({
      holds: true,
      evidence: [
        `grandparent's property ${CERTIFICATE}`,
        "child's hukou in the grandparent's household since 2020-01-01",
      ],
      qualifyingDate: '2020-01-01',
    });
  });
  it('does not hold for the guardians’ own home, nor a grandparent’s purchase contract', () => {
    expect(
      evaluate('THREE_GENERATIONS_AT_GRANDPARENT_HOME', facts({ household, property: home() })),
    ).toEqual(NO);
    const contract = home({ holder: 'GRANDPARENT', kind: 'PURCHASE_CONTRACT' });
    expect(
      evaluate('THREE_GENERATIONS_AT_GRANDPARENT_HOME', facts({ household, property: contract })),
    ).toEqual(NO);
  });
});

describe('hukou in the catchment without a home in it', () => {
  it('is over the threshold with the months counted to 31 August', () => {
    expect(
      evaluate(
        'HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME',
        facts({ household: hukou('2024-06-01') }),
      ),
    ).toEqual({
      holds: true,
      evidence: ['hukou in the catchment since 2024-06-01 (26 months)'],
      qualifyingDate: '2024-06-01',
    });
  });
  it('does not hold when the guardians have a home in the catchment, whatever the tier order', () => {
    const withHome = facts({
      household: hukou('2024-06-01'),
      property: home({ address: ELSEWHERE_IN_CATCHMENT }),
    });
    expect(evaluate('HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME', withHome)).toEqual(NO);
  });
  it('still holds when the guardians’ home is outside the catchment', () => {
    const homeOutside = facts({
      household: hukou('2026-01-01'),
      property: home({ catchmentUnit: OUT }),
    });
    expect(evaluate('HUKOU_IN_CATCHMENT_UNDER_THRESHOLD_NO_HOME', homeOutside).holds).toBe(true);
  });
});

describe('a home in the catchment with the hukou elsewhere', () => {
  it('holds from the home’s registration', () => {
    expect(evaluate('HOME_IN_CATCHMENT_HUKOU_ELSEWHERE', facts({ property: home() }))).toEqual({
      holds: true,
      evidence: [`property ${CERTIFICATE} in the catchment, registered 2019-06-01`],
      qualifyingDate: '2019-06-01',
    });
  });
});

describe('a non-local child with the four proofs (四证齐全)', () => {
  it('rests on the hukou booklet, the permit, the rental and the months of insurance', () => {
    expect(evaluate('MIGRANT_WITH_FOUR_PROOFS', facts(migrant()))).toEqual({
      holds: true,
      evidence: [
        'hukou booklet confirmed',
        'residence permit of the county since 2024-03-01',
        'registered rental ZL-2025-1 in the catchment',
        '18 months of social insurance in the city',
      ],
      qualifyingDate: '2024-03-01',
      contributionMonths: 18,
    });
  });
  it('calls an owned home a home', () => {
    const owner = facts(migrant({ property: home({ address: ELSEWHERE_IN_CATCHMENT }) }));
    expect(evaluate('MIGRANT_WITH_FOUR_PROOFS', owner).evidence[2]).toBe(
      `home ${CERTIFICATE} in the catchment`,
    );
  });
  it('does not hold for Form A, however complete the proofs', () => {
    expect(evaluate('MIGRANT_WITH_FOUR_PROOFS', facts(migrant({ formType: 'A' })))).toEqual(NO);
  });
  it('takes a permit valid through 31 August, and not one that ends the day before', () => {
    const permit = (expiryDate: string) =>
      facts(
        migrant({ residencePermit: { countyCode: '450103', issueDate: '2024-03-01', expiryDate } }),
      );
    expect(evaluate('MIGRANT_WITH_FOUR_PROOFS', permit('2026-08-31')).holds).toBe(true);
    expect(evaluate('MIGRANT_WITH_FOUR_PROOFS', permit('2026-08-30')).holds).toBe(false);
  });
  it('needs the guardians to live there, not a grandparent', () => {
    const grandparents = home({ holder: 'GRANDPARENT', kind: 'REGISTERED_RENTAL' });
    expect(
      evaluate('MIGRANT_WITH_FOUR_PROOFS', facts(migrant({ property: grandparents }))),
    ).toEqual(NO);
  });
  it('takes exactly the policy’s months of insurance', () => {
    const insured = facts(
      migrant({ socialInsurance: { cityCode: '450100', monthsPaidLast24: 12, active: true } }),
    );
    expect(evaluate('MIGRANT_WITH_FOUR_PROOFS', insured).holds).toBe(true);
  });
});

describe('the catch-all', () => {
  it('holds for anyone eligible, saying no priority claim was confirmed', () => {
    expect(evaluate('OTHER_ELIGIBLE', facts())).toEqual({
      holds: true,
      evidence: ['eligible; no priority claim confirmed'],
    });
  });
});
