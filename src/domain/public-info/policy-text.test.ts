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
});
