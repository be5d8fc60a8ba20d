import { admissionsTable, forecastTable, reviewTable, verificationTable } from './tables';

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
});
