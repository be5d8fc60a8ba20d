import { z } from 'zod';
import type { Stage } from '../enrolment';

/** 学位预警 levels, from no pressure to a large gap. */
export const WARNING_LEVELS = ['GREEN', 'YELLOW', 'ORANGE', 'RED'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/**
 * A county's thresholds on demand ÷ places (county policy data; the region's default below):
 * at or above `yellow` is yellow, above `orange` orange, above `red` red. Demand equal to places
 * is still yellow: every child has a place, with none to spare.
 */
export const warningThresholdsSchema = z
  .strictObject({
    yellow: z.number().positive().max(10),
    orange: z.number().positive().max(10),
    red: z.number().positive().max(10),
  })
  .refine((t) => t.yellow <= t.orange && t.orange <= t.red, {
    message: 'thresholds must rise: yellow ≤ orange ≤ red',
  });
export type WarningThresholds = z.infer<typeof warningThresholdsSchema>;

export const DEFAULT_THRESHOLDS: WarningThresholds = { yellow: 0.9, orange: 1.0, red: 1.2 };

/** Demand over places; no places at all with any demand is an unbounded ratio. */
export function pressureRatio(demand: number, places: number): number {
  if (places > 0) return Math.max(0, demand) / places;
  return demand > 0 ? Number.POSITIVE_INFINITY : 0;
}

export function warningLevel(
  ratio: number,
  t: WarningThresholds = DEFAULT_THRESHOLDS,
): WarningLevel {
  if (ratio > t.red) return 'RED';
  if (ratio > t.orange) return 'ORANGE';
  if (ratio >= t.yellow) return 'YELLOW';
  return 'GREEN';
}

const LEVEL_TEXT: Record<WarningLevel, { zh: string; en: string }> = {
  GREEN: { zh: '绿色(学位充足)', en: 'green (places sufficient)' },
  YELLOW: { zh: '黄色(学位趋紧)', en: 'yellow (places tight)' },
  ORANGE: { zh: '橙色(学位不足)', en: 'orange (places short)' },
  RED: { zh: '红色(学位缺口较大)', en: 'red (large shortfall)' },
};

const STAGE_TEXT: Record<Stage, { zh: string; en: string }> = {
  PRIMARY_1: { zh: '小学一年级', en: 'primary grade 1' },
  JUNIOR_1: { zh: '初中一年级', en: 'junior grade 7' },
};

/** What a warning says in public: school, season, level and the numbers, no personal data. */
export interface PublicWarningSummary {
  readonly zh: string;
  readonly en: string;
}

export function publicSummary(w: {
  readonly schoolName: string;
  readonly stage: Stage;
  readonly seasonYear: number;
  readonly level: WarningLevel;
  readonly demand: number;
  readonly places: number;
  readonly live: boolean;
}): PublicWarningSummary {
  const demand = Math.round(w.demand);
  const basis = w.live
    ? { zh: `已报名(第一志愿)约${demand}人`, en: `about ${demand} applications (first choice)` }
    : { zh: `预计报名约${demand}人`, en: `about ${demand} applicants expected` };
  const advice =
    w.level === 'ORANGE' || w.level === 'RED'
      ? {
          zh: '部分适龄儿童可能由教育局统筹安排学位,请合理安排就学预期。',
          en: 'Some children may be placed by the bureau at another school; please plan accordingly.',
        }
      : { zh: '', en: '' };
  return {
    zh: `${w.seasonYear}年${w.schoolName}${STAGE_TEXT[w.stage].zh}招生计划${w.places}个,${basis.zh},学位预警等级:${LEVEL_TEXT[w.level].zh}。${advice.zh}`.trim(),
    en: `${w.seasonYear} ${w.schoolName}, ${STAGE_TEXT[w.stage].en}: ${w.places} places, ${basis.en}; place warning ${LEVEL_TEXT[w.level].en}. ${advice.en}`.trim(),
  };
}
