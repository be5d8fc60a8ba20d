import type { ApplicantResult, PriorityKey } from './model';

/** What a family reads about its round result: where the child goes, and why not elsewhere. */
export function explainResult(
  result: ApplicantResult,
  schoolNames: ReadonlyMap<string, string>,
): { zh: string; en: string } {
  const name = (id: string) => schoolNames.get(id) ?? id;
  const key = (k: PriorityKey) => `tier ${k.tier}, lottery ${k.lottery.slice(0, 8)}`;
  const keyZh = (k: PriorityKey) => `第${k.tier}类,摇号号码 ${k.lottery.slice(0, 8)}`;
  const missed = result.choices.filter((c) => !c.obtained);
  const whyNot = missed.map((c) => ({
    zh: `${name(c.schoolId)}:您的排序为${keyZh(c.own)},${c.cutoff ? `录取线为${keyZh(c.cutoff)}` : '本轮未录取'}`,
    en: `${name(c.schoolId)}: your position ${key(c.own)}; ${c.cutoff ? `last admitted ${key(c.cutoff)}` : 'no one admitted in this round'}`,
  }));
  const p = result.placement;
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
        : { zh: '本轮未录取。', en: 'Not admitted in this round.' };
  return {
    zh: [head.zh, ...whyNot.map((w) => w.zh)].join(' '),
    en: [head.en, ...whyNot.map((w) => w.en)].join(' '),
  };
}
