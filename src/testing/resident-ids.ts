import fc from 'fast-check';
import { residentIdCheckChar } from '../domain/resident-id';

/** n decimal digits as text. */
export const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** Valid numbers: a division code, a real birth date, any sequence, the right check character. */
export const validResidentId = fc
  .record({
    division: fc.constantFrom('450103', '450703', '450102', '451002', '110105', '310115'),
    birth: fc.date({
      min: new Date('1950-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: digits(3),
  })
  .map(({ division, birth, sequence }) => {
    const first17 = `${division}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${sequence}`;
    return {
      id: `${first17}${residentIdCheckChar(first17)}`,
      birth: birth.toISOString().slice(0, 10),
      sequence,
    };
  });
