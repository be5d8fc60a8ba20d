import type { Stage } from '../enrolment';
import { DEFAULT_POLICY_CARE, type PriorityPolicy, type TieBreak } from '../eligibility/policy';

/**
 * A county's admission policy as the public reads it: the tier order and the rules around it in
 * plain Chinese (with English), derived from the policy document the round applies, so what is
 * published is what decides.
 */
export interface PolicyExplained {
  readonly version: string;
  readonly tiers: readonly { rank: number; nameZh: string; nameEn: string }[];
  /** Each rule as one sentence a family reads, in order. */
  readonly rulesZh: readonly string[];
  readonly rulesEn: readonly string[];
}

const TIE_BREAK_TEXT: Readonly<Record<TieBreak, [string, string]>> = {
  EARLIEST_QUALIFYING_DATE: [
    '房产登记或户籍迁入时间早者优先',
    'the earlier property registration or hukou move-in date first',
  ],
  LONGEST_CONTRIBUTION: [
    '居住证或社保缴纳时间长者优先',
    'the longer residence-permit or social-insurance record first',
  ],
};

const MECHANISM_TEXT: Readonly<Record<string, [string, string]>> = {
  DEFERRED_ACCEPTANCE: [
    '录取按各志愿和顺位统一进行:填报第二、第三志愿不会降低您在第一志愿学校的顺位。',
    'Places are allocated over all choices at once: naming a second or third choice never lowers your standing at your first.',
  ],
  FIRST_CHOICE_FIRST: [
    '实行志愿优先:各校先录取第一志愿的学生,有空余学位再录取第二志愿、第三志愿的学生。',
    'First choice first: each school admits its first-choice applicants before those who chose it second or third.',
  ],
};

const STAGE_NAME: Readonly<Record<Stage, string>> = { PRIMARY_1: '小学', JUNIOR_1: '初中' };

export function explainPolicy(policy: PriorityPolicy, stage: Stage): PolicyExplained {
  const tiers = [...policy.tiers]
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank, nameZh, nameEn }) => ({ rank, nameZh, nameEn }));
  const care = (policy.policyCare ?? DEFAULT_POLICY_CARE).map((c) => c.nameZh);
  const careEn = (policy.policyCare ?? DEFAULT_POLICY_CARE).map((c) => c.nameEn);
  const ties = policy.tieBreaks.map((t) => TIE_BREAK_TEXT[t]);
  const [mechanismZh, mechanismEn] = MECHANISM_TEXT[policy.mechanism ?? 'DEFERRED_ACCEPTANCE']!;
  const lock = policy.lockYears[stage];
  return {
    version: policy.version,
    tiers,
    rulesZh: [
      `按以下顺位依次录取:${tiers.map((t) => `第${t.rank}顺位,${t.nameZh}`).join(';')}。`,
      `同一顺位内,${[...ties.map(([zh]) => zh), '最后按公开摇号的随机号排序'].join(',')}。`,
      `经核实的政策性照顾对象(${care.join('、')})在所报学校按第一顺位安排。`,
      `"户籍在学区满一年"指截至当年8月31日户籍迁入满${policy.hukouMonthsThreshold}个月。`,
      `随迁子女须在本市近24个月内缴纳社保满${policy.socialInsuranceMonths}个月(四证齐全)。`,
      `用于入学的住房自录取起${lock}年内锁定,期间不能再用于其他儿童就读${STAGE_NAME[stage]}的住房类顺位。`,
      mechanismZh,
    ],
    rulesEn: [
      `Applicants are admitted tier by tier: ${tiers.map((t) => `${t.rank}. ${t.nameEn}`).join('; ')}.`,
      `Within a tier: ${[...ties.map(([, en]) => en), 'then the published lottery number'].join(', ')}.`,
      `Verified policy-care applicants (${careEn.join(', ')}) rank with tier 1 at the schools they choose.`,
      `"Hukou in the catchment over a year" means moved in at least ${policy.hukouMonthsThreshold} months before 31 August.`,
      `Non-local applicants need ${policy.socialInsuranceMonths} months of social insurance in the city within the last 24 (the four proofs).`,
      `A home used for an admission is locked for ${lock} years: it cannot give another child a home-based tier at this stage.`,
      mechanismEn,
    ],
  };
}
