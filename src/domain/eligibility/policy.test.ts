import { POLICY_CARE_CATEGORIES } from '../forms/application-form';
import { SCHOOL, facts } from '../../testing/verified-facts';
import { DEFAULT_POLICY, DEFAULT_POLICY_CARE, PREDICATES, priorityPolicySchema } from './policy';
import { evaluatePredicate } from './predicates';

describe('the default policy (the published Nanning pattern)', () => {
  it('counts every policy-care category of the regional plan, naming each in both languages', () => {
    expect(DEFAULT_POLICY_CARE.map((c) => c.code)).toEqual([...POLICY_CARE_CATEGORIES]);
    for (const category of POLICY_CARE_CATEGORIES) {
      const confirmed = facts({ policyCareConfirmed: true, policyCareCategory: category });
      const ctx = {
        facts: confirmed,
        school: SCHOOL,
        policy: DEFAULT_POLICY,
        homeUsable: true,
      };
      expect(evaluatePredicate('POLICY_CARE', ctx).holds).toBe(true);
    }
    const distinctNonEmpty = (names: string[]) =>
      names.every((n) => n.trim() !== '') && new Set(names).size === names.length;
    expect(distinctNonEmpty(DEFAULT_POLICY_CARE.map((c) => c.nameZh))).toBe(true);
    expect(distinctNonEmpty(DEFAULT_POLICY_CARE.map((c) => c.nameEn))).toBe(true);
  });

  it('ranks its nine tiers 1 to 9, each with a name families read in both languages', () => {
    expect(DEFAULT_POLICY.tiers.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const lang of ['nameZh', 'nameEn'] as const) {
      const names = DEFAULT_POLICY.tiers.map((t) => t[lang]);
      expect(names.every((n) => n.trim() !== '')).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('places every predicate of the catalogue in exactly one tier', () => {
    expect(DEFAULT_POLICY.tiers.flatMap((t) => t.predicates).sort()).toEqual(
      [...PREDICATES].sort(),
    );
  });

  it('breaks ties by the earliest qualifying date, then the longest contribution', () => {
    expect(DEFAULT_POLICY.tieBreaks).toEqual(['EARLIEST_QUALIFYING_DATE', 'LONGEST_CONTRIBUTION']);
  });
});

describe('a county’s policy document', () => {
  const valid = { ...DEFAULT_POLICY, mechanism: 'FIRST_CHOICE_FIRST' as const };
  const issues = (patch: Record<string, unknown>) => {
    const result = priorityPolicySchema.safeParse({ ...valid, ...patch });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
  };

  it('is taken as written when valid, every tier, threshold and category kept', () => {
    expect(priorityPolicySchema.parse(valid)).toEqual(valid);
  });

  it('needs a version', () => {
    expect(issues({ version: '' })).toEqual(['version: too_small']);
  });

  it('needs at least one tier, each naming at least one predicate of the catalogue', () => {
    expect(issues({ tiers: [] })).toContain('tiers: too_small');
    const [first, ...rest] = DEFAULT_POLICY.tiers;
    expect(issues({ tiers: [{ ...first, predicates: [] }, ...rest] })).toEqual([
      'tiers.0.predicates: too_small',
    ]);
    expect(issues({ tiers: [{ ...first, predicates: ['LIVES_NEARBY'] }, ...rest] })).toEqual([
      'tiers.0.predicates.0: invalid_value',
    ]);
  });

  it('needs the OTHER_ELIGIBLE catch-all, or some eligible child would have no tier', () => {
    const result = priorityPolicySchema.safeParse({
      ...valid,
      tiers: DEFAULT_POLICY.tiers.filter((t) => !t.predicates.includes('OTHER_ELIGIBLE')),
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'a policy needs the OTHER_ELIGIBLE catch-all tier',
    ]);
  });

  it('refuses negative thresholds and more than the 24 months insurance is counted over', () => {
    expect(issues({ hukouMonthsThreshold: -1 })).toEqual(['hukouMonthsThreshold: too_small']);
    expect(issues({ socialInsuranceMonths: -1 })).toEqual(['socialInsuranceMonths: too_small']);
    expect(issues({ socialInsuranceMonths: 25 })).toEqual(['socialInsuranceMonths: too_big']);
    expect(issues({ hukouMonthsThreshold: 0, socialInsuranceMonths: 0 })).toEqual([]);
    expect(issues({ socialInsuranceMonths: 24 })).toEqual([]);
  });

  it('refuses a negative lock period for either stage', () => {
    expect(issues({ lockYears: { PRIMARY_1: -1, JUNIOR_1: 3 } })).toEqual([
      'lockYears.PRIMARY_1: too_small',
    ]);
    expect(issues({ lockYears: { PRIMARY_1: 6, JUNIOR_1: -1 } })).toEqual([
      'lockYears.JUNIOR_1: too_small',
    ]);
    expect(issues({ lockYears: { PRIMARY_1: 0, JUNIOR_1: 0 } })).toEqual([]);
  });

  it('knows only its tie-breaks, mechanisms and policy-care categories', () => {
    expect(issues({ tieBreaks: ['YOUNGEST_FIRST'] })).toEqual(['tieBreaks.0: invalid_value']);
    expect(issues({ mechanism: 'LOTTERY' })).toEqual(['mechanism: invalid_value']);
    expect(issues({ mechanism: 'DEFERRED_ACCEPTANCE' })).toEqual([]);
    expect(issues({ policyCare: [{ code: 'CELEBRITY', nameZh: '名人', nameEn: 'x' }] })).toEqual([
      'policyCare.0.code: invalid_value',
    ]);
  });
});
