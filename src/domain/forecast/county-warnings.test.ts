import {
  countyWarnings,
  levelChanges,
  warningKey,
  type CountyWarningInput,
  type WarningSchool,
} from './county-warnings';
import type { UnitPopulation } from './population';
import { DEFAULT_THRESHOLDS } from './warning-levels';

/** A unit with `perAge` children of every age, all with hukou, and no moves. */
const unit = (id: string, perAge: number): UnitPopulation => ({
  unit: id,
  ages: Array.from({ length: 13 }, (_, age) => ({ age, hukou: perAge, permit: 0 })),
  moves: [],
  births: [],
});

const P01: WarningSchool = {
  id: 'P01',
  stage: 'PRIMARY_1',
  places: 100,
  catchmentUnits: ['C01'],
  feederPrimaryIds: [],
};
const P02: WarningSchool = { ...P01, id: 'P02', catchmentUnits: ['C02'] };
const J01: WarningSchool = {
  id: 'J01',
  stage: 'JUNIOR_1',
  places: 150,
  catchmentUnits: [],
  feederPrimaryIds: ['P01', 'P02'],
};

const input = (over: Partial<CountyWarningInput> = {}): CountyWarningInput => ({
  referenceSeason: 2027,
  schools: [P01, P02, J01],
  units: [unit('C01', 120), unit('C02', 80)],
  history: new Map(),
  thresholds: DEFAULT_THRESHOLDS,
  defaultTakeUp: 0.9,
  liveSeasons: new Set(),
  liveDemand: new Map(),
  ...over,
});

describe("a county's warnings", () => {
  const warnings = countyWarnings(input());
  const of = (id: string, season = 2027) =>
    warnings.find((w) => w.schoolId === id && w.seasonYear === season)!;

  it('grades each school for this season and the next five from its catchment’s forecast', () => {
    expect(warnings).toHaveLength(18);
    // 120 children × take-up 0.9 = 108 for 100 places: orange; 80 × 0.9 = 72: green.
    expect(of('P01')).toMatchObject({ basis: 'FORECAST', demand: 108, level: 'ORANGE' });
    expect(of('P02')).toMatchObject({ demand: 72, level: 'GREEN' });
    // The junior draws from its feeders' catchments: 200 × 0.9 = 180 for 150 places.
    expect(of('J01').demand).toBeCloseTo(180);
    expect(of('J01').level).toBe('ORANGE');
  });

  it('uses first choices instead of the forecast once the window has opened', () => {
    const live = countyWarnings(
      input({
        liveSeasons: new Set(['PRIMARY_1/2027']),
        liveDemand: new Map([[warningKey('P02', 2027), { firstChoice: 130, byTier: { 1: 130 } }]]),
      }),
    );
    const p = (id: string) => live.find((w) => w.schoolId === id && w.seasonYear === 2027)!;
    expect(p('P02')).toMatchObject({ basis: 'LIVE', demand: 130, level: 'RED' });
    // No application yet is no demand, whatever the forecast said.
    expect(p('P01')).toMatchObject({ basis: 'LIVE', demand: 0, level: 'GREEN' });
    // The junior stage's window has not opened.
    expect(p('J01').basis).toBe('FORECAST');
  });

  it('follows the county’s thresholds', () => {
    const strict = countyWarnings(input({ thresholds: { yellow: 0.5, orange: 0.75, red: 0.8 } }));
    expect(strict.find((w) => w.schoolId === 'P02' && w.seasonYear === 2027)!.level).toBe('YELLOW');
  });
});

describe('level changes (the outbox)', () => {
  const computed = [
    { schoolId: 'P01', seasonYear: 2027, level: 'ORANGE' as const },
    { schoolId: 'P02', seasonYear: 2027, level: 'GREEN' as const },
  ];

  it('notifies a first level only when it is a warning', () => {
    expect(levelChanges(new Map(), computed)).toEqual([
      { schoolId: 'P01', seasonYear: 2027, from: 'GREEN', to: 'ORANGE', change: 1 },
    ]);
  });

  it('notifies nothing when nothing changed, and numbers each change', () => {
    const recorded = new Map([
      [warningKey('P01', 2027), { level: 'ORANGE' as const, changes: 1 }],
      [warningKey('P02', 2027), { level: 'YELLOW' as const, changes: 3 }],
    ]);
    expect(levelChanges(recorded, computed)).toEqual([
      { schoolId: 'P02', seasonYear: 2027, from: 'YELLOW', to: 'GREEN', change: 4 },
    ]);
    expect(levelChanges(recorded, [computed[0]!])).toEqual([]);
  });
});
