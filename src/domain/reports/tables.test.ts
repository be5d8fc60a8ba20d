import { REPORTS, REPORT_TITLES } from './names';
import {
  admissionsTable,
  channelsTable,
  demandTable,
  forecastTable,
  reviewTable,
  verificationTable,
  type ReportTable,
} from './tables';

/** The header a bureau reads in the CSV and on the page: key, Chinese, English. */
const header = (t: ReportTable) => t.columns.map((c) => [c.key, c.labelZh, c.labelEn]);

describe('the bureau report tables', () => {
  it('counts review stays per day by how they ended, the waiting ones last', () => {
    const table = reviewTable([
      { leftDay: '2026-07-02', leftTo: 'APPROVED', breached: false },
      { leftDay: '2026-07-01', leftTo: 'REJECTED', breached: true },
      { leftDay: '2026-07-02', leftTo: 'NEEDS_SUPPLEMENT', breached: false },
      { leftDay: '2026-07-02', leftTo: 'WITHDRAWN', breached: false },
      { leftDay: null, leftTo: null, breached: true },
    ]);
    expect(table.rows).toEqual([
      expect.objectContaining({ day: '2026-07-01', rejected: 1, slaBreaches: 1 }),
      expect.objectContaining({ day: '2026-07-02', approved: 1, supplementRequested: 1, other: 1 }),
      expect.objectContaining({ day: null, waiting: 1, slaBreaches: 1 }),
    ]);
    expect(table.columns.map((c) => c.key)).toEqual(Object.keys(table.rows[0]!));
  });

  it('has a row per department check, zero where nothing was checked', () => {
    const table = verificationTable([
      { check: 'IDENTITY', outcome: 'MATCH', cases: 3 },
      { check: 'IDENTITY', outcome: 'UNAVAILABLE', cases: 1 },
    ]);
    expect(table.rows[0]).toMatchObject({ check: 'IDENTITY', MATCH: 3, UNAVAILABLE: 1, total: 4 });
    expect(table.rows.find((r) => r.check === 'PROPERTY')).toMatchObject({ total: 0 });
    expect(table.rows.every((r) => typeof r.department === 'string' && r.department !== '')).toBe(
      true,
    );
  });

  it('gives each tier that admitted anyone a column', () => {
    const table = admissionsTable(
      [
        { schoolId: 's1', capacity: 2, admitted: 2, admittedByTier: { '1': 1, '8': 1 }, bureau: 0 },
        { schoolId: 's2', capacity: 1, admitted: 1, admittedByTier: { '2': 1 }, bureau: 1 },
      ],
      new Map([['s1', '一小']]),
    );
    expect(table.columns.map((c) => c.key)).toEqual([
      'schoolId',
      'nameZh',
      'places',
      'admitted',
      'tier1',
      'tier2',
      'tier8',
      'bureau',
    ]);
    expect(table.rows[1]).toMatchObject({ nameZh: null, tier1: 0, tier2: 1, bureau: 1 });
  });

  it('sets the forecast beside the actual first choices, and says whether they fell in the band', () => {
    const table = forecastTable([
      {
        schoolId: 'P01',
        nameZh: '桃源路小学',
        places: 360,
        firstChoice: 380,
        forecast: { expected: 372.04, low: 353.4, high: 390.6 },
      },
      {
        schoolId: 'P02',
        nameZh: '凤翔路小学',
        places: 405,
        firstChoice: 300,
        forecast: { expected: 374, low: 355, high: 393 },
      },
      { schoolId: 'P03', nameZh: '新校', places: 100, firstChoice: 12, forecast: null },
    ]);
    expect(table.rows).toEqual([
      expect.objectContaining({ forecast: 372, difference: 8, withinBand: '是' }),
      expect.objectContaining({ forecast: 374, difference: -74, withinBand: '否' }),
      expect.objectContaining({ forecast: null, difference: null, withinBand: null }),
    ]);
  });

  it('puts demand beside places per school, and first choices per place to two decimals', () => {
    const table = demandTable([
      { schoolId: 'P01', nameZh: '一小', places: 3, firstChoice: 7, anyChoice: 9 },
      { schoolId: 'P02', nameZh: '二小', places: 0, firstChoice: 2, anyChoice: 2 },
    ]);
    expect(header(table)).toEqual([
      ['schoolId', '学校编号', 'School'],
      ['nameZh', '学校名称', 'Name'],
      ['places', '招生计划', 'Places'],
      ['firstChoice', '第一志愿人数', 'First choices'],
      ['anyChoice', '填报志愿人数', 'Any choice'],
      ['firstChoicePerPlace', '第一志愿与学位比', 'First choices per place'],
    ]);
    expect(table.rows.map((r) => r.firstChoicePerPlace)).toEqual([2.33, null]);
  });

  it('counts applications per channel and form as they came', () => {
    const rows = [{ channel: 'ONLINE_MOBILE', formType: 'A', cases: 4 }];
    const table = channelsTable(rows);
    expect(header(table)).toEqual([
      ['channel', '报名渠道', 'Channel'],
      ['formType', '表单类型', 'Form'],
      ['cases', '报名数', 'Applications'],
    ]);
    expect(table.rows).toEqual(rows);
  });

  it('names every column of the other reports in both languages', () => {
    expect(header(verificationTable([]))).toEqual([
      ['check', '核验项目', 'Check'],
      ['department', '数据来源部门', 'Department'],
      ['MATCH', '一致', 'Match'],
      ['MISMATCH', '不一致', 'Mismatch'],
      ['NOT_FOUND', '无记录', 'Not found'],
      ['UNAVAILABLE', '接口不可用', 'Unavailable'],
      ['total', '合计', 'Total'],
    ]);
    expect(header(forecastTable([]))).toEqual([
      ['schoolId', '学校编号', 'School'],
      ['nameZh', '学校名称', 'Name'],
      ['places', '招生计划', 'Places'],
      ['forecast', '预测需求', 'Forecast'],
      ['forecastLow', '预测下限', 'Forecast low'],
      ['forecastHigh', '预测上限', 'Forecast high'],
      ['firstChoice', '实际第一志愿人数', 'Actual first choices'],
      ['difference', '实际减预测', 'Actual − forecast'],
      ['withinBand', '是否在预测区间内', 'Within the band'],
    ]);
    const review = header(reviewTable([]));
    expect(review.map(([key]) => key)).toEqual([
      'day',
      'approved',
      'rejected',
      'supplementRequested',
      'other',
      'waiting',
      'slaBreaches',
    ]);
    for (const [, zh, en] of [...review, ...header(admissionsTable([], new Map()))]) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[A-Z]/);
    }
  });

  it('titles every report in both languages', () => {
    for (const name of REPORTS) {
      expect(REPORT_TITLES[name].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(REPORT_TITLES[name].en).toMatch(/^[A-Z]/);
    }
    expect(REPORT_TITLES.forecast).toEqual({
      zh: '预测与实际报名',
      en: 'Forecast vs actual applications',
    });
  });
});
