import { CHECK_OUTCOMES, type CheckOutcome } from '../enrolment';
import { CHECK_REGISTRY } from '../verification/checks';

/*
 * The bureau reports (issue 15; their names in ./names.ts) as tables: named columns with their
 * bilingual labels, then rows of figures. One shape for JSON and CSV, so the export is the same
 * table the page shows.
 */

export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly labelZh: string;
  readonly labelEn: string;
}

export interface ReportTable {
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
}

const col = (key: string, labelZh: string, labelEn: string): Column => ({ key, labelZh, labelEn });

export function demandTable(
  rows: readonly {
    schoolId: string;
    nameZh: string;
    places: number;
    firstChoice: number;
    anyChoice: number;
  }[],
): ReportTable {
  return {
    columns: [
      col('schoolId', '学校编号', 'School'),
      col('nameZh', '学校名称', 'Name'),
      col('places', '招生计划', 'Places'),
      col('firstChoice', '第一志愿人数', 'First choices'),
      col('anyChoice', '填报志愿人数', 'Any choice'),
      col('firstChoicePerPlace', '第一志愿与学位比', 'First choices per place'),
    ],
    rows: rows.map((r) => ({
      ...r,
      firstChoicePerPlace: r.places > 0 ? Math.round((r.firstChoice / r.places) * 100) / 100 : null,
    })),
  };
}

/** One school's forecast for a season (as last computed) beside its actual first choices. */
export interface ForecastVsActual {
  readonly schoolId: string;
  readonly nameZh: string;
  readonly places: number;
  readonly firstChoice: number;
  /** Null when no forecast was computed for the season. */
  readonly forecast: {
    readonly expected: number;
    readonly low: number;
    readonly high: number;
  } | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Forecast against actual (预测与实际): the forecast's figures and band, the first choices, the gap. */
export function forecastTable(rows: readonly ForecastVsActual[]): ReportTable {
  return {
    columns: [
      col('schoolId', '学校编号', 'School'),
      col('nameZh', '学校名称', 'Name'),
      col('places', '招生计划', 'Places'),
      col('forecast', '预测需求', 'Forecast'),
      col('forecastLow', '预测下限', 'Forecast low'),
      col('forecastHigh', '预测上限', 'Forecast high'),
      col('firstChoice', '实际第一志愿人数', 'Actual first choices'),
      col('difference', '实际减预测', 'Actual − forecast'),
      col('withinBand', '是否在预测区间内', 'Within the band'),
    ],
    rows: rows.map((r) => ({
      schoolId: r.schoolId,
      nameZh: r.nameZh,
      places: r.places,
      forecast: r.forecast && round1(r.forecast.expected),
      forecastLow: r.forecast && round1(r.forecast.low),
      forecastHigh: r.forecast && round1(r.forecast.high),
      firstChoice: r.firstChoice,
      difference: r.forecast && round1(r.firstChoice - r.forecast.expected),
      withinBand:
        r.forecast &&
        (r.firstChoice >= r.forecast.low && r.firstChoice <= r.forecast.high ? '是' : '否'),
    })),
  };
}

export function channelsTable(
  rows: readonly { channel: string; formType: string; cases: number }[],
): ReportTable {
  return {
    columns: [
      col('channel', '报名渠道', 'Channel'),
      col('formType', '表单类型', 'Form'),
      col('cases', '报名数', 'Applications'),
    ],
    rows,
  };
}

const OUTCOME_LABEL: Readonly<Record<CheckOutcome, [string, string]>> = {
  MATCH: ['一致', 'Match'],
  MISMATCH: ['不一致', 'Mismatch'],
  NOT_FOUND: ['无记录', 'Not found'],
  UNAVAILABLE: ['接口不可用', 'Unavailable'],
};

/** Outcomes per check, one row per department check, in the registry's order. */
export function verificationTable(
  rows: readonly { check: string; outcome: string; cases: number }[],
): ReportTable {
  return {
    columns: [
      col('check', '核验项目', 'Check'),
      col('department', '数据来源部门', 'Department'),
      ...CHECK_OUTCOMES.map((o) => col(o, ...OUTCOME_LABEL[o])),
      col('total', '合计', 'Total'),
    ],
    rows: CHECK_REGISTRY.map((d) => {
      const mine = rows.filter((r) => r.check === d.check);
      const counts = Object.fromEntries(
        CHECK_OUTCOMES.map((o) => [o, mine.find((r) => r.outcome === o)?.cases ?? 0]),
      );
      return {
        check: d.check,
        department: d.reviewer.zh.split(':')[0]!,
        ...counts,
        total: mine.reduce((sum, r) => sum + r.cases, 0),
      };
    }),
  };
}

const LEFT_TO: Readonly<Record<string, string>> = {
  APPROVED: 'approved',
  REJECTED: 'rejected',
  NEEDS_SUPPLEMENT: 'supplementRequested',
};

/**
 * Review throughput per day: the stays in review that ended that day and how (a decision, or
 * anything else, e.g. a withdrawal), and how many overran the SLA; the last row, day null, is the
 * stays still waiting.
 */
export function reviewTable(
  stays: readonly { leftDay: string | null; leftTo: string | null; breached: boolean }[],
): ReportTable {
  const days = new Map<string | null, Record<string, Cell>>();
  const blank = (day: string | null): Record<string, Cell> => ({
    day,
    approved: 0,
    rejected: 0,
    supplementRequested: 0,
    other: 0,
    waiting: 0,
    slaBreaches: 0,
  });
  for (const stay of stays) {
    const row = days.get(stay.leftDay) ?? blank(stay.leftDay);
    const kind = stay.leftTo === null ? 'waiting' : (LEFT_TO[stay.leftTo] ?? 'other');
    row[kind] = (row[kind] as number) + 1;
    if (stay.breached) row.slaBreaches = (row.slaBreaches as number) + 1;
    days.set(stay.leftDay, row);
  }
  const ended = [...days.keys()].filter((d): d is string => d !== null).sort();
  return {
    columns: [
      col('day', '日期', 'Day'),
      col('approved', '审核通过', 'Approved'),
      col('rejected', '审核不通过', 'Rejected'),
      col('supplementRequested', '要求补充材料', 'Supplement requested'),
      col('other', '其他离开审核', 'Left review otherwise'),
      col('waiting', '仍在审核', 'Still waiting'),
      col('slaBreaches', '超时(超过审核时限)', 'Over the review SLA'),
    ],
    rows: [...ended.map((d) => days.get(d)!), days.get(null) ?? blank(null)],
  };
}

export interface RoundSchoolSummary {
  readonly schoolId: string;
  readonly capacity: number;
  readonly admitted: number;
  readonly admittedByTier: Readonly<Record<string, number>>;
  readonly bureau: number;
}

/** Admissions per school and tier, from a drawn round's summary; a column per tier that admitted. */
export function admissionsTable(
  schools: readonly RoundSchoolSummary[],
  names: ReadonlyMap<string, string>,
): ReportTable {
  const tiers = [...new Set(schools.flatMap((s) => Object.keys(s.admittedByTier)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  return {
    columns: [
      col('schoolId', '学校编号', 'School'),
      col('nameZh', '学校名称', 'Name'),
      col('places', '招生计划', 'Places'),
      col('admitted', '按志愿录取', 'Admitted'),
      ...tiers.map((t) => col(`tier${t}`, `第${t}顺位`, `Tier ${t}`)),
      col('bureau', '教育局统筹安排', 'Placed by the bureau'),
    ],
    rows: schools.map((s) => ({
      schoolId: s.schoolId,
      nameZh: names.get(s.schoolId) ?? null,
      places: s.capacity,
      admitted: s.admitted,
      ...Object.fromEntries(tiers.map((t) => [`tier${t}`, s.admittedByTier[t] ?? 0])),
      bureau: s.bureau,
    })),
  };
}
