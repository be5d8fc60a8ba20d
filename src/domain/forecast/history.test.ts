import { pastSeasons } from './history';

describe('the seasons take-up is learned from', () => {
  const schools = [
    { id: 'P01', stage: 'PRIMARY_1' as const },
    { id: 'P02', stage: 'PRIMARY_1' as const },
    { id: 'X01', stage: 'PRIMARY_1' as const },
    { id: 'J01', stage: 'JUNIOR_1' as const },
  ];
  const choices = [
    { seasonYear: 2025, schoolId: 'P01', count: 70 },
    { seasonYear: 2025, schoolId: 'X01', count: 30 },
    { seasonYear: 2025, schoolId: 'J01', count: 90 },
    // 2026 is still open: no round drawn, so it teaches nothing yet.
    { seasonYear: 2026, schoolId: 'P01', count: 5 },
  ];

  it('counts only seasons whose round was drawn, a school without first choices as zero', () => {
    const history = pastSeasons(choices, schools, new Set(['X01']), new Set(['PRIMARY_1/2025']));
    expect(history.get('P01')).toEqual([{ seasonYear: 2025, applications: 70, privateShare: 0.3 }]);
    expect(history.get('P02')).toEqual([{ seasonYear: 2025, applications: 0, privateShare: 0.3 }]);
    // The junior stage had no round drawn.
    expect(history.get('J01')).toBeUndefined();
  });
});
