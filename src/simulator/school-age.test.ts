import { generateFamilies } from './families';
import { schoolAgePopulation } from './school-age';

describe('the school-age population the simulator reports', () => {
  const families = generateFamilies(20260901, 2_000);
  const units = schoolAgePopulation(families, '450103', '2026-12-02', families.length);

  it('covers each catchment unit of the county with ages 0–12, moves and births', () => {
    expect(units.map((u) => u.unit)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `450103-C0${n}`));
    for (const u of units) {
      expect(u.ages.map((a) => a.age)).toEqual([...Array(13).keys()]);
      expect(u.moves.map((m) => m.year)).toEqual([2023, 2024, 2025]);
      expect(u.births.map((b) => b.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    }
  });

  it('splits hukou and residence permit as the families do, and follows falling births', () => {
    const hukou = units.reduce((n, u) => n + u.ages[6]!.hukou, 0);
    const permit = units.reduce((n, u) => n + u.ages[6]!.permit, 0);
    expect(hukou).toBeGreaterThan(permit);
    expect(permit).toBeGreaterThan(0);
    const at = (age: number) => units.reduce((n, u) => n + u.ages[age]!.hukou, 0);
    // Age 1 on 31 August 2027 (born 2026) is a smaller cohort than age 10 (born 2017).
    expect(at(1)).toBeLessThan(at(10));
  });

  it('scales the sample to a county: the same county whatever the sample size', () => {
    const larger = generateFamilies(20260901, 8_000);
    const big = schoolAgePopulation(larger, '450103', '2026-12-02', larger.length);
    const total = (us: typeof units) =>
      us.reduce((n, u) => n + u.ages.reduce((m, a) => m + a.hukou + a.permit, 0), 0);
    expect(total(big) / total(units)).toBeGreaterThan(0.85);
    expect(total(big) / total(units)).toBeLessThan(1.15);
  });

  it('reports nothing for a county without families', () => {
    expect(schoolAgePopulation(families, '451022', '2026-12-02', families.length)).toEqual([]);
  });
});
