import fc from 'fast-check';
import { residentIdCheckChar } from '../domain/resident-id';
import { GUANGXI_CITIES } from '../domain/reference/guangxi-divisions';

/** n decimal digits as text. */
export const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Every county-level division of Guangxi (GB/T 2260), the ones this service serves. */
export const GUANGXI_COUNTY_CODES: readonly string[] = GUANGXI_CITIES.flatMap((city) =>
  city.counties.map((county) => county.code),
);

/** A number with its last character computed: `first17` is division, birth date and sequence. */
export const withCheckChar = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;

/**
 * Valid numbers: any Guangxi division or one of a few elsewhere (a guardian born in Beijing), a
 * real birth date from 1900 on (leap days included), any sequence, the right check character.
 */
export const validResidentId = fc
  .record({
    division: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...GUANGXI_COUNTY_CODES) },
      { weight: 1, arbitrary: fc.constantFrom('110105', '310115', '440106', '532901') },
    ),
    birth: fc.oneof(
      fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2025-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc
        .integer({ min: 1900 / 4, max: 2024 / 4 })
        .map((n) => n * 4)
        .filter((year) => year % 100 !== 0 || year % 400 === 0)
        .map((year) => new Date(Date.UTC(year, 1, 29))),
    ),
    sequence: digits(3),
  })
  .map(({ division, birth, sequence }) => {
    const birthDate = birth.toISOString().slice(0, 10);
    return {
      id: withCheckChar(`${division}${birthDate.replaceAll('-', '')}${sequence}`),
      division,
      birth: birthDate,
      sequence,
    };
  });
