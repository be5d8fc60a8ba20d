import { DEFAULT_POLICY } from '../eligibility/policy';
import { explainPolicy } from './policy-text';

describe('a county policy in plain words', () => {
  it('lists the tiers in rank order and says what the numbers of the policy are', () => {
    const shuffled = { ...DEFAULT_POLICY, tiers: [...DEFAULT_POLICY.tiers].reverse() };
    const text = explainPolicy({ ...shuffled, hukouMonthsThreshold: 18 }, 'JUNIOR_1');
    expect(text.tiers.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(text.rulesZh[0]).toMatch(/^按以下顺位依次录取:第1顺位,房户一致\(独有产权\);第2顺位/);
    expect(text.rulesZh.join('')).toMatch(/满18个月/);
    expect(text.rulesZh.join('')).toMatch(/3年内锁定/);
    expect(text.rulesEn).toHaveLength(text.rulesZh.length);
  });

  it('explains the mechanism the county chose', () => {
    const fcf = explainPolicy({ ...DEFAULT_POLICY, mechanism: 'FIRST_CHOICE_FIRST' }, 'PRIMARY_1');
    expect(fcf.rulesZh.at(-1)).toMatch(/志愿优先/);
    expect(explainPolicy(DEFAULT_POLICY, 'PRIMARY_1').rulesZh.at(-1)).toMatch(/不会降低/);
  });

  // A worked example as a county would publish it: two tiers, one tie-break, two policy-care
  // categories, six months of insurance; every rule in both languages, word for word.
  it('tells a whole policy as the public page shows it', () => {
    const policy = {
      ...DEFAULT_POLICY,
      tiers: DEFAULT_POLICY.tiers.slice(7),
      tieBreaks: ['LONGEST_CONTRIBUTION' as const],
      policyCare: DEFAULT_POLICY.policyCare!.slice(0, 2),
      socialInsuranceMonths: 6,
    };
    const text = explainPolicy(policy, 'PRIMARY_1');
    expect(text.version).toBe('gx-default-2026.1');
    expect(text.rulesZh).toEqual([
      '按以下顺位依次录取:第8顺位,随迁子女(四证齐全);第9顺位,其他符合条件,由教育局统筹。',
      '同一顺位内,居住证或社保缴纳时间长者优先,最后按公开摇号的随机号排序。',
      '经核实的政策性照顾对象(军人子女、烈士子女)在所报学校按第一顺位安排。',
      '"户籍在学区满一年"指截至当年8月31日户籍迁入满12个月。',
      '随迁子女须在本市近24个月内缴纳社保满6个月(四证齐全)。',
      '用于入学的住房自录取起6年内锁定,期间不能再用于其他儿童就读小学的住房类顺位。',
      '录取按各志愿和顺位统一进行:填报第二、第三志愿不会降低您在第一志愿学校的顺位。',
    ]);
    expect(text.rulesEn).toEqual([
      'Applicants are admitted tier by tier: 8. Non-local with the four proofs; 9. Other eligible, placed by the bureau.',
      'Within a tier: the longer residence-permit or social-insurance record first, then the published lottery number.',
      'Verified policy-care applicants (children of service members, children of martyrs) rank with tier 1 at the schools they choose.',
      '"Hukou in the catchment over a year" means moved in at least 12 months before 31 August.',
      'Non-local applicants need 6 months of social insurance in the city within the last 24 (the four proofs).',
      'A home used for an admission is locked for 6 years: it cannot give another child a home-based tier at this stage.',
      'Places are allocated over all choices at once: naming a second or third choice never lowers your standing at your first.',
    ]);
  });

  it('names the earlier date first when the county breaks ties by it, and the default categories when it names none', () => {
    const { policyCare: _care, ...withoutCare } = DEFAULT_POLICY;
    const text = explainPolicy(
      { ...withoutCare, tieBreaks: ['EARLIEST_QUALIFYING_DATE'] },
      'PRIMARY_1',
    );
    expect(text.rulesZh[1]).toBe(
      '同一顺位内,房产登记或户籍迁入时间早者优先,最后按公开摇号的随机号排序。',
    );
    expect(text.rulesEn[1]).toBe(
      'Within a tier: the earlier property registration or hukou move-in date first, then the published lottery number.',
    );
    expect(text.rulesZh[2]).toContain(
      '军人子女、烈士子女、消防救援人员子女、引进人才子女、华侨子女、其他政策性照顾',
    );
    expect(
      explainPolicy({ ...DEFAULT_POLICY, mechanism: 'FIRST_CHOICE_FIRST' }, 'PRIMARY_1').rulesEn.at(
        -1,
      ),
    ).toBe(
      'First choice first: each school admits its first-choice applicants before those who chose it second or third.',
    );
  });
});
