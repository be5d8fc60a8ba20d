import { z } from 'zod';
import type { Stage } from '../enrolment';
import { POLICY_CARE_CATEGORIES, type PolicyCareCategory } from '../forms/application-form';

/**
 * A county's admission policy as data (DESIGN.md §5): ordered tiers, each a named predicate over
 * verified facts; thresholds; tie-breaks; the housing-lock period. Counties change the data, not
 * the code; the predicates themselves are the catalogue in predicates.ts.
 */
export const PREDICATES = [
  'POLICY_CARE',
  'FEEDER_PRIMARY',
  'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
  'CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
  'HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT',
  'THREE_GENERATIONS_AT_GRANDPARENT_HOME',
  'HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME',
  'HOME_IN_CATCHMENT_HUKOU_ELSEWHERE',
  'HUKOU_IN_CATCHMENT_UNDER_THRESHOLD_NO_HOME',
  'MIGRANT_WITH_FOUR_PROOFS',
  'OTHER_ELIGIBLE',
] as const;
export type PredicateName = (typeof PREDICATES)[number];

/** What each predicate asks, as a bureau picks the predicates of a tier (the tier's name is its own). */
export const PREDICATE_NAMES: Readonly<Record<PredicateName, { zh: string; en: string }>> = {
  POLICY_CARE: { zh: '政策性照顾对象(经确认)', en: 'Confirmed policy care' },
  FEEDER_PRIMARY: { zh: '对口小学毕业(小升初)', en: 'From a feeder primary (grade 7)' },
  SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT: {
    zh: '房户一致,独有产权',
    en: 'Sole-owned home at the hukou address',
  },
  CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT: {
    zh: '房户一致,共有产权',
    en: 'Co-owned home at the hukou address',
  },
  HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT: {
    zh: '户籍在学区,学区内另有住房',
    en: 'Hukou and another home in the catchment',
  },
  THREE_GENERATIONS_AT_GRANDPARENT_HOME: {
    zh: '三代同堂,祖辈住房',
    en: "Three generations at a grandparent's home",
  },
  HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME: {
    zh: '户籍在学区满期限,无房',
    en: 'Hukou over the threshold, no home',
  },
  HOME_IN_CATCHMENT_HUKOU_ELSEWHERE: {
    zh: '学区内有房,户籍不在学区',
    en: 'Home in the catchment, hukou elsewhere',
  },
  HUKOU_IN_CATCHMENT_UNDER_THRESHOLD_NO_HOME: {
    zh: '户籍在学区未满期限,无房',
    en: 'Hukou under the threshold, no home',
  },
  MIGRANT_WITH_FOUR_PROOFS: { zh: '随迁子女,四证齐全', en: 'Non-local with the four proofs' },
  OTHER_ELIGIBLE: { zh: '其他符合条件(兜底)', en: 'Other eligible (catch-all)' },
};

export interface TierRule {
  readonly rank: number;
  readonly predicates: readonly PredicateName[];
  readonly nameZh: string;
  readonly nameEn: string;
}

/** A policy-care category (政策性照顾) the county recognises, with the name families read. */
export interface PolicyCareRule {
  readonly code: PolicyCareCategory;
  readonly nameZh: string;
  readonly nameEn: string;
}

export type TieBreak = 'EARLIEST_QUALIFYING_DATE' | 'LONGEST_CONTRIBUTION';

export interface PriorityPolicy {
  readonly version: string;
  readonly tiers: readonly TierRule[];
  readonly tieBreaks: readonly TieBreak[];
  /** Hukou must have been at the address this many months before 31 August of the season. */
  readonly hukouMonthsThreshold: number;
  /** Months of social insurance in the city, of the last 24, for the four proofs. */
  readonly socialInsuranceMonths: number;
  readonly lockYears: Readonly<Record<Stage, number>>;
  /** How the round allocates: deferred acceptance, or first-choice-first (志愿优先). */
  readonly mechanism?: 'DEFERRED_ACCEPTANCE' | 'FIRST_CHOICE_FIRST';
  /** The policy-care categories that count; absent = the default policy's list. */
  readonly policyCare?: readonly PolicyCareRule[];
}

/** The categories of the regional plan; a county's policy may recognise fewer. */
export const DEFAULT_POLICY_CARE: readonly PolicyCareRule[] = [
  { code: 'MILITARY', nameZh: '军人子女', nameEn: 'children of service members' },
  { code: 'MARTYR_FAMILY', nameZh: '烈士子女', nameEn: 'children of martyrs' },
  { code: 'FIREFIGHTER', nameZh: '消防救援人员子女', nameEn: 'children of firefighters' },
  { code: 'HIGH_LEVEL_TALENT', nameZh: '引进人才子女', nameEn: 'children of recruited talent' },
  { code: 'OVERSEAS_CHINESE', nameZh: '华侨子女', nameEn: 'children of overseas Chinese' },
  { code: 'OTHER_POLICY', nameZh: '其他政策性照顾', nameEn: 'other policy care' },
];

/** The published Nanning pattern; tier 1 also holds confirmed policy care and JUNIOR_1 feeders. */
export const DEFAULT_POLICY: PriorityPolicy = {
  version: 'gx-default-2026.1',
  tiers: [
    {
      rank: 1,
      predicates: ['POLICY_CARE', 'FEEDER_PRIMARY', 'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT'],
      nameZh: '房户一致(独有产权)',
      nameEn: 'Sole-owned home at the hukou address, in the catchment',
    },
    {
      rank: 2,
      predicates: ['CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT'],
      nameZh: '房户一致(共有产权)',
      nameEn: 'Co-owned home at the hukou address, in the catchment',
    },
    {
      rank: 3,
      predicates: ['HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT'],
      nameZh: '户籍在学区,学区内另有住房',
      nameEn: 'Hukou in the catchment and a home elsewhere in it',
    },
    {
      rank: 4,
      predicates: ['THREE_GENERATIONS_AT_GRANDPARENT_HOME'],
      nameZh: '三代同堂(祖辈住房)',
      nameEn: "Three generations at a grandparent's home",
    },
    {
      rank: 5,
      predicates: ['HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME'],
      nameZh: '户籍在学区满一年,无房',
      nameEn: 'Hukou in the catchment over a year, no home',
    },
    {
      rank: 6,
      predicates: ['HOME_IN_CATCHMENT_HUKOU_ELSEWHERE'],
      nameZh: '购房定居,户籍不在学区',
      nameEn: 'Home in the catchment, hukou elsewhere',
    },
    {
      rank: 7,
      predicates: ['HUKOU_IN_CATCHMENT_UNDER_THRESHOLD_NO_HOME'],
      nameZh: '户籍在学区不满一年,无房',
      nameEn: 'Hukou in the catchment under a year, no home',
    },
    {
      rank: 8,
      predicates: ['MIGRANT_WITH_FOUR_PROOFS'],
      nameZh: '随迁子女(四证齐全)',
      nameEn: 'Non-local with the four proofs',
    },
    {
      rank: 9,
      predicates: ['OTHER_ELIGIBLE'],
      nameZh: '其他符合条件,由教育局统筹',
      nameEn: 'Other eligible, placed by the bureau',
    },
  ],
  tieBreaks: ['EARLIEST_QUALIFYING_DATE', 'LONGEST_CONTRIBUTION'],
  hukouMonthsThreshold: 12,
  socialInsuranceMonths: 12,
  lockYears: { PRIMARY_1: 6, JUNIOR_1: 3 },
  policyCare: DEFAULT_POLICY_CARE,
};

/** A policy document as a county stores it; validated before it decides anything. */
export const priorityPolicySchema = z.object({
  version: z.string().min(1),
  tiers: z
    .array(
      z.object({
        rank: z.number(),
        predicates: z.array(z.enum(PREDICATES)).min(1),
        nameZh: z.string(),
        nameEn: z.string(),
      }),
    )
    .min(1)
    .refine(
      (tiers) => tiers.some((t) => t.predicates.includes('OTHER_ELIGIBLE')),
      'a policy needs the OTHER_ELIGIBLE catch-all tier',
    ),
  tieBreaks: z.array(z.enum(['EARLIEST_QUALIFYING_DATE', 'LONGEST_CONTRIBUTION'])),
  hukouMonthsThreshold: z.number().int().min(0),
  socialInsuranceMonths: z.number().int().min(0).max(24),
  lockYears: z.object({ PRIMARY_1: z.number().int().min(0), JUNIOR_1: z.number().int().min(0) }),
  mechanism: z.enum(['DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST']).optional(),
  policyCare: z
    .array(
      z.object({ code: z.enum(POLICY_CARE_CATEGORIES), nameZh: z.string(), nameEn: z.string() }),
    )
    .optional(),
}) satisfies z.ZodType<PriorityPolicy>;
