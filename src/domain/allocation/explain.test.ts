import { explainResult } from './explain';

const names = new Map([
  ['S1', '桃源路小学'],
  ['S2', '凤翔路小学'],
]);
const key = (tier: number, lottery: string) => ({
  tier,
  qualifyingDate: null,
  contributionMonths: null,
  lottery,
});

describe('what a family reads about its round result', () => {
  it('names the reasons a child was not eligible and what to do next', () => {
    const text = explainResult(
      { applicantId: 'A', placement: { result: 'NOT_PLACED' }, choices: [] },
      names,
      {
        eligible: false,
        notes: [
          {
            zh: '儿童身份信息未经公安数据核验确认。',
            en: "The child's identity has not been confirmed.",
          },
        ],
      },
    );
    expect(text.zh).toBe(
      '本轮未录取:不符合入学条件——儿童身份信息未经公安数据核验确认。 下一步:可在规定期限内向县(市、区)教育局申请复核,或补齐证明材料后参加补录。',
    );
    expect(text.en).toContain("not eligible because The child's identity has not been confirmed.");
    expect(text.en).toContain('Next: ask the county bureau for a review');
  });

  it('shows an eligible child below every cut-off its tier and lottery number at each school, and the next step', () => {
    const text = explainResult(
      {
        applicantId: 'B',
        placement: { result: 'NOT_PLACED' },
        choices: [
          {
            schoolId: 'S1',
            obtained: false,
            own: key(5, 'bbbbbbbbcc'),
            cutoff: key(3, 'aaaaaaaacc'),
          },
          {
            schoolId: 'S2',
            obtained: false,
            own: key(6, 'bbbbbbbbcc'),
            cutoff: key(6, '00000000cc'),
          },
        ],
      },
      names,
    );
    expect(text.zh).toBe(
      '本轮未录取:各志愿学校均未达到录取线。 桃源路小学:您的排序为第5类,摇号号码 bbbbbbbb,录取线为第3类,摇号号码 aaaaaaaa 凤翔路小学:您的排序为第6类,摇号号码 bbbbbbbb,录取线为第6类,摇号号码 00000000 下一步:可参加补录,或由县(市、区)教育局统筹安排学位;对结果有异议可申请复核。',
    );
    expect(text.en).toMatch(
      /^Not admitted in this round: below the cut-off of each chosen school\./,
    );
  });

  it('tells an admitted child its school by name, with no next step', () => {
    const text = explainResult(
      {
        applicantId: 'C',
        placement: { result: 'ADMITTED', schoolId: 'S2', choiceRank: 1 },
        choices: [{ schoolId: 'S2', obtained: true, own: key(1, 'cc'), cutoff: key(1, 'cc') }],
      },
      names,
    );
    expect(text).toEqual({
      zh: '已被凤翔路小学录取(第1志愿)。',
      en: 'Admitted to 凤翔路小学 (choice 1).',
    });
  });
});
