import { OUT, SCHOOL, facts, home, hukou } from '../../testing/verified-facts';
import { assessPriority } from './assess';
import type { HousingLock, SchoolCatchment, VerifiedFacts } from './facts';
import { DEFAULT_POLICY, type PriorityPolicy } from './policy';

/**
 * What an assessment tells the family besides the tiers: why a child is not eligible, and that a
 * housing certificate is locked by an earlier admission.
 */
const assess = (
  f: VerifiedFacts,
  policy: PriorityPolicy = DEFAULT_POLICY,
  choices: SchoolCatchment[] = [SCHOOL],
) => assessPriority({ facts: f, choices, policy, bornOnOrBefore: '2020-08-31' });

const lock = (lockedUntil: string): HousingLock => ({
  certificateNo: home().certificateNo,
  lockedUntil,
  applicationNo: '2023-450103-000042-7',
});

describe('why a child is not eligible', () => {
  it('says the identity is unconfirmed and the child too young, and assesses no school', () => {
    expect(assess(facts({ identityConfirmed: false, birthDate: '2020-09-01' }))).toEqual({
      policyVersion: DEFAULT_POLICY.version,
      eligible: false,
      notes: [
        {
          code: 'IDENTITY_NOT_CONFIRMED',
          zh: '儿童身份信息未经公安数据核验确认。',
          en: "The child's identity has not been confirmed by the police registry.",
        },
        { code: 'TOO_YOUNG', zh: '儿童未达到入学年龄。', en: 'The child is below the entry age.' },
      ],
      schools: [],
    });
  });

  it('has nothing to say about an eligible child with no lock', () => {
    expect(assess(facts())).toMatchObject({ eligible: true, notes: [] });
  });
});

describe('a housing certificate locked by an earlier admission', () => {
  const withHome = (housingLock: HousingLock) =>
    facts({ household: hukou(), property: home(), housingLock });

  it('is locked through the season when the lock runs to 31 August, naming only the year', () => {
    const result = assess(withHome(lock('2026-08-31')));
    expect(result.notes).toEqual([
      {
        code: 'HOUSING_LOCKED',
        zh: '该住房证明已用于 2023 年的入学录取,不能再作为住房类优先依据。',
        en: 'This housing certificate was used for an admission in 2023; it cannot support a home-based priority.',
      },
    ]);
    expect(result.schools[0]).toMatchObject({
      predicate: 'HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME',
    });
  });

  it('is usable again, without a note, once the lock ends the day before 31 August', () => {
    const result = assess(withHome(lock('2026-08-30')));
    expect(result.notes).toEqual([]);
    expect(result.schools[0]).toMatchObject({ tier: 1 });
  });
});

describe('tiers as the policy ranks them', () => {
  it('takes the best rank whatever order the policy document lists its tiers in', () => {
    const reversed = { ...DEFAULT_POLICY, tiers: [...DEFAULT_POLICY.tiers].reverse() };
    const f = facts({ household: hukou(), property: home() });
    expect(assess(f, reversed).schools).toEqual(assess(f).schools);
    expect(assess(f, reversed).schools[0]).toMatchObject({ tier: 1 });
  });

  it('assesses each chosen school in the family’s order', () => {
    const far: SchoolCatchment = { ...SCHOOL, id: '450103-P02', catchmentUnits: [OUT] };
    const result = assess(facts({ household: hukou(), property: home() }), DEFAULT_POLICY, [
      far,
      SCHOOL,
    ]);
    expect(result.schools.map((s) => [s.schoolId, s.tier, s.tierNameZh])).toEqual([
      ['450103-P02', 9, '其他符合条件,由教育局统筹'],
      ['450103-P01', 1, '房户一致(独有产权)'],
    ]);
  });

  it('refuses a policy without the catch-all rather than leave an eligible child without a tier', () => {
    const partial = {
      ...DEFAULT_POLICY,
      version: 'county-draft',
      tiers: DEFAULT_POLICY.tiers.filter((t) => !t.predicates.includes('OTHER_ELIGIBLE')),
    };
    expect(() => assess(facts(), partial)).toThrow(
      'policy county-draft has no catch-all tier (OTHER_ELIGIBLE)',
    );
  });
});
