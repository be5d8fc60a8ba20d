import { LOCKED_CERTIFICATE } from './demo-fixtures';
import { cityOf, GUANGXI_CITIES, isGuangxiCounty } from './guangxi-divisions';

/**
 * The division table against the structure GB/T 2260 gives it: six-digit codes, a city's counties
 * under its own four-digit prefix, names that say what kind of division they are, and the
 * region's current counts (14 cities, 111 county-level divisions). A code or name lost or changed
 * breaks one of these.
 */
const counties = GUANGXI_CITIES.flatMap((city) =>
  city.counties.map((county) => ({ city, county })),
);

describe('the Guangxi division table', () => {
  it('has the 14 cities and 111 county-level divisions in force', () => {
    expect(GUANGXI_CITIES).toHaveLength(14);
    expect(counties).toHaveLength(111);
    expect(new Set(counties.map(({ county }) => county.code)).size).toBe(111);
  });

  it('codes each city 45xx00, in order, with a Chinese and an English name', () => {
    const codes = GUANGXI_CITIES.map((city) => city.code);
    expect(codes).toEqual([...codes].sort());
    for (const city of GUANGXI_CITIES) {
      expect(city.code).toMatch(/^45(0[1-9]|1[0-4])00$/);
      expect(city.nameZh).toMatch(/^[\u4e00-\u9fff]{2,4}市$/);
      expect(city.nameEn).toMatch(/^[A-Z][a-z]+$/);
      expect(city.counties.length).toBeGreaterThan(0);
    }
    expect(new Set(GUANGXI_CITIES.map((city) => city.nameEn)).size).toBe(14);
  });

  it('codes each county under its city, in order, named as a district, county or city', () => {
    for (const { city, county } of counties) {
      expect(county.code.slice(0, 4)).toBe(city.code.slice(0, 4));
      expect(county.code).toMatch(/^45\d{2}(0[2-9]|[1-9]\d)$/);
      expect(county.nameZh).toMatch(/^[\u4e00-\u9fff]{1,9}(区|县|市)$/);
    }
    for (const city of GUANGXI_CITIES) {
      const codes = city.counties.map((county) => county.code);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('knows the divisions the plan and the demo name, by code', () => {
    expect(cityOf('450702')).toMatchObject({ code: '450700', nameZh: '钦州市', nameEn: 'Qinzhou' });
    expect(cityOf('450102')?.counties[0]).toEqual({ code: '450102', nameZh: '兴宁区' });
    expect(cityOf('451481')?.nameZh).toBe('崇左市');
    expect(GUANGXI_CITIES[0]!.counties.at(-1)).toEqual({ code: '450181', nameZh: '横州市' });
  });

  it('tells a Guangxi county from a city code, another province or nothing', () => {
    for (const { county } of counties) expect(isGuangxiCounty(county.code)).toBe(true);
    expect(isGuangxiCounty('450100')).toBe(false);
    expect(isGuangxiCounty('440103')).toBe(false);
    expect(isGuangxiCounty('')).toBe(false);
    expect(cityOf('440103')).toBeUndefined();
    expect(cityOf('450100')).toBeUndefined();
  });
});

describe('the demo fixtures', () => {
  it('name a real-looking Nanning property certificate', () => {
    expect(LOCKED_CERTIFICATE).toMatch(/^桂\(\d{4}\)南宁市不动产权第\d{7}号$/);
  });
});
