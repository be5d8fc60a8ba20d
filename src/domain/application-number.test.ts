import fc from 'fast-check';
import { formatApplicationNo, isWellFormedApplicationNo } from './application-number';

describe('application numbers', () => {
  it('reads as season, county, sequence and a check character', () => {
    expect(formatApplicationNo(2026, '450103', 123)).toMatch(/^2026-450103-000123-[\dX]$/);
  });

  it('catches any single misheard digit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2024, max: 2099 }),
        fc.integer({ min: 1, max: 999_999 }),
        fc.nat({ max: 15 }),
        fc.nat({ max: 9 }),
        (year, seq, pos, digit) => {
          const number = formatApplicationNo(year, '450103', seq);
          expect(isWellFormedApplicationNo(number)).toBe(true);
          const digitsOnly = number.replaceAll('-', '').slice(0, 16);
          fc.pre(digitsOnly[pos] !== String(digit));
          const changed = `${digitsOnly.slice(0, pos)}${digit}${digitsOnly.slice(pos + 1)}`;
          const reformatted = `${changed.slice(0, 4)}-${changed.slice(4, 10)}-${changed.slice(10, 16)}-${number.at(-1)}`;
          expect(isWellFormedApplicationNo(reformatted)).toBe(false);
        },
      ),
    );
  });
});
