import {
  DEFAULT_THRESHOLDS,
  pressureRatio,
  publicSummary,
  warningLevel,
  warningThresholdsSchema,
} from './warning-levels';

describe('warning levels from thresholds', () => {
  it.each([
    [0, 360, DEFAULT_THRESHOLDS, 'GREEN'],
    [323, 360, DEFAULT_THRESHOLDS, 'GREEN'], // 0.897
    [324, 360, DEFAULT_THRESHOLDS, 'YELLOW'], // 0.9 exactly
    [360, 360, DEFAULT_THRESHOLDS, 'YELLOW'], // 1.0: every child placed, none to spare
    [361, 360, DEFAULT_THRESHOLDS, 'ORANGE'],
    [432, 360, DEFAULT_THRESHOLDS, 'ORANGE'], // 1.2 exactly
    [433, 360, DEFAULT_THRESHOLDS, 'RED'],
    [1, 0, DEFAULT_THRESHOLDS, 'RED'], // no places at all
    [0, 0, DEFAULT_THRESHOLDS, 'GREEN'],
    // A county's own policy: yellow from 0.8, orange above 0.95, red above 1.1.
    [80, 100, { yellow: 0.8, orange: 0.95, red: 1.1 }, 'YELLOW'],
    [96, 100, { yellow: 0.8, orange: 0.95, red: 1.1 }, 'ORANGE'],
    [111, 100, { yellow: 0.8, orange: 0.95, red: 1.1 }, 'RED'],
  ] as const)('%d applicants for %d places → %s', (demand, places, thresholds, level) => {
    expect(warningLevel(pressureRatio(demand, places), thresholds)).toBe(level);
  });

  it('refuses thresholds that do not rise', () => {
    expect(warningThresholdsSchema.safeParse({ yellow: 1, orange: 0.9, red: 1.2 }).success).toBe(
      false,
    );
    expect(warningThresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
  });

  it('says the level in public in Chinese first, without personal data', () => {
    const s = publicSummary({
      schoolName: '南宁市青秀区桃源路小学',
      stage: 'PRIMARY_1',
      seasonYear: 2027,
      level: 'RED',
      demand: 451.6,
      places: 360,
      live: false,
    });
    expect(s.zh).toBe(
      '2027年南宁市青秀区桃源路小学小学一年级招生计划360个,预计报名约452人,学位预警等级:红色(学位缺口较大)。部分适龄儿童可能由教育局统筹安排学位,请合理安排就学预期。',
    );
    expect(s.en).toContain('place warning red');
  });
});
