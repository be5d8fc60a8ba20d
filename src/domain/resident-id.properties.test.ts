import fc from 'fast-check';
import { parseResidentId } from './resident-id';
import { cityOf, isGuangxiCounty } from './reference/guangxi-divisions';
import { digits, GUANGXI_COUNTY_CODES, withCheckChar } from '../testing/resident-ids';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

describe('resident ID numbers over every Guangxi division and the calendar (properties)', () => {
  it('reads the division of a number from any Guangxi county, and each county sits in its city', () => {
    expect(GUANGXI_COUNTY_CODES.length).toBeGreaterThan(100);
    expect(new Set(GUANGXI_COUNTY_CODES).size).toBe(GUANGXI_COUNTY_CODES.length);
    fc.assert(
      fc.property(fc.constantFrom(...GUANGXI_COUNTY_CODES), digits(3), (division, sequence) => {
        const parsed = parseResidentId(withCheckChar(`${division}20200315${sequence}`));
        expect(parsed).toMatchObject({ ok: true, value: { divisionCode: division } });
        expect(isGuangxiCounty(division)).toBe(true);
        // GB/T 2260: a county's first four digits are its city's.
        expect(cityOf(division)?.code.slice(0, 4)).toBe(division.slice(0, 4));
      }),
    );
  });

  it('accepts 29 February exactly in leap years (every fourth, but not 1900 or 2100; 2000 is)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.constantFrom(...GUANGXI_COUNTY_CODES),
        digits(3),
        (year, division, sequence) => {
          const parsed = parseResidentId(withCheckChar(`${division}${year}0229${sequence}`));
          if (isLeap(year))
            expect(parsed).toMatchObject({ ok: true, value: { birthDate: `${year}-02-29` } });
          else expect(parsed).toEqual({ ok: false, problem: 'BIRTH_DATE' });
        },
      ),
    );
    for (const year of [1900, 2100]) expect(isLeap(year)).toBe(false);
    expect(parseResidentId(withCheckChar('45010320000229001')).ok).toBe(true);
  });

  it('rejects a day past the end of any month, and accepts the last day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...GUANGXI_COUNTY_CODES),
        (year, month, division) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const yyyymm = `${year}${String(month).padStart(2, '0')}`;
          expect(parseResidentId(withCheckChar(`${division}${yyyymm}${last}001`)).ok).toBe(true);
          if (last < 31)
            expect(parseResidentId(withCheckChar(`${division}${yyyymm}${last + 1}001`))).toEqual({
              ok: false,
              problem: 'BIRTH_DATE',
            });
        },
      ),
    );
  });
});
