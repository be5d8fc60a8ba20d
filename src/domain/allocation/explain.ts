import type { ApplicantResult, PriorityKey } from './model';

type Text = { readonly zh: string; readonly en: string };

/** What a family not placed can do next (DESIGN.md §5): 补录, an appeal, the bureau. */
const NEXT_STEP: Record<'INELIGIBLE' | 'BELOW_CUTOFF', Text> = {
  INELIGIBLE: {
    zh: '下一步:可在规定期限内向县(市、区)教育局申请复核,或补齐证明材料后参加补录。',
    en: 'Next: ask the county bureau for a review within the period set, or complete the documents and join the supplementary round (补录).',
  },
  BELOW_CUTOFF: {
    zh: '下一步:可参加补录,或由县(市、区)教育局统筹安排学位;对结果有异议可申请复核。',
    en: 'Next: join the supplementary round (补录) or wait for a place from the county bureau; you may ask for a review of the result.',
  },
};

/**
 * What a family reads about its round result: where the child goes, and why not elsewhere; a
 * child not placed reads why (not eligible, with the assessment's reasons; or below each chosen
 * school's cut-off, with its own tier and lottery number) and what to do next.
 */
export function explainResult(
  result: ApplicantResult,
  schoolNames: ReadonlyMap<string, string>,
  eligibility: { readonly eligible: boolean; readonly notes: readonly Text[] } = {
    eligible: true,
    notes: [],
  },
): Text {
  const ineligibleBecause = eligibility.notes;
  const name = (id: string) => schoolNames.get(id) ?? id;
  const key = (k: PriorityKey) => `tier ${k.tier}, lottery ${k.lottery.slice(0, 8)}`;
  const keyZh = (k: PriorityKey) => `第${k.tier}类,摇号号码 ${k.lottery.slice(0, 8)}`;
  const missed = result.choices.filter((c) => !c.obtained);
  const whyNot = missed.map((c) => ({
    zh: `${name(c.schoolId)}:您的排序为${keyZh(c.own)},${c.cutoff ? `录取线为${keyZh(c.cutoff)}` : '本轮未录取'}`,
    en: `${name(c.schoolId)}: your position ${key(c.own)}; ${c.cutoff ? `last admitted ${key(c.cutoff)}` : 'no one admitted in this round'}`,
  }));
  const p = result.placement;
  const ineligible = p.result === 'NOT_PLACED' && !eligibility.eligible;
  const head =
    p.result === 'ADMITTED'
      ? {
          zh: `已被${name(p.schoolId)}录取(第${p.choiceRank}志愿)。`,
          en: `Admitted to ${name(p.schoolId)} (choice ${p.choiceRank}).`,
        }
      : p.result === 'ASSIGNED_BY_BUREAU'
        ? {
            zh: `由教育局统筹安排至${name(p.schoolId)}。`,
            en: `Placed by the bureau at ${name(p.schoolId)}.`,
          }
        : ineligible
          ? {
              zh: `本轮未录取:不符合入学条件${ineligibleBecause.length ? `——${ineligibleBecause.map((t) => t.zh).join('')}` : '。'}`,
              en: `Not admitted in this round: not eligible${ineligibleBecause.length ? ` because ${ineligibleBecause.map((t) => t.en).join(' ')}` : '.'}`,
            }
          : {
              zh: '本轮未录取:各志愿学校均未达到录取线。',
              en: 'Not admitted in this round: below the cut-off of each chosen school.',
            };
  const next =
    p.result !== 'NOT_PLACED' ? [] : [NEXT_STEP[ineligible ? 'INELIGIBLE' : 'BELOW_CUTOFF']];
  return {
    zh: [head.zh, ...whyNot.map((w) => w.zh), ...next.map((n) => n.zh)].join(' '),
    en: [head.en, ...whyNot.map((w) => w.en), ...next.map((n) => n.en)].join(' '),
  };
}
