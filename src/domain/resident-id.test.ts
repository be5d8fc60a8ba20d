import fc from 'fast-check';
import { maskResidentId, normaliseResidentId, parseResidentId } from './resident-id';
import { validResidentId } from '../testing/resident-ids';

const validId = validResidentId;

describe('resident ID numbers (GB 11643)', () => {
  it('accepts every well-formed number and reads birth date and gender from it', () => {
    fc.assert(
      fc.property(validId, ({ id, birth, sequence }) => {
        const result = parseResidentId(id);
        expect(result).toEqual({
          ok: true,
          value: expect.objectContaining({
            birthDate: birth,
            gender: Number(sequence[2]) % 2 ? 'MALE' : 'FEMALE',
          }),
        });
      }),
    );
  });

  it('rejects any single-character change of a valid number', () => {
    fc.assert(
      fc.property(
        validId,
        fc.nat({ max: 17 }),
        fc.constantFrom(...'0123456789X'),
        ({ id }, position, replacement) => {
          fc.pre(id[position] !== replacement && (position === 17 || replacement !== 'X'));
          const changed = `${id.slice(0, position)}${replacement}${id.slice(position + 1)}`;
          expect(parseResidentId(changed).ok).toBe(false);
        },
      ),
    );
  });

  it('knows the published example number', () => {
    expect(parseResidentId('11010519491231002X')).toMatchObject({
      ok: true,
      value: { birthDate: '1949-12-31', gender: 'FEMALE' },
    });
  });

  it.each([
    ['too short', '45010320200315013', 'FORMAT'],
    ['letter inside', '4501032020031501A3', 'FORMAT'],
    ['unknown province', '99010320200315013X', 'DIVISION_CODE'],
    ['30 February', '450103202002300135', 'BIRTH_DATE'],
    ['wrong check digit', '450103202003150131', 'CHECK_DIGIT'],
  ])('says why a number is invalid: %s', (_case, id, problem) => {
    expect(parseResidentId(id)).toEqual({ ok: false, problem });
  });

  it('normalises full-width digits, spaces and a lowercase x before validating', () => {
    expect(normaliseResidentId(' ４５０１０３２０２００３１５０１３ｘ ')).toBe(
      '45010320200315013X',
    );
    expect(normaliseResidentId('450103 2020 0315 013x')).toBe('45010320200315013X');
  });

  it('masks all but the division code and the last four characters', () => {
    expect(maskResidentId('45010320200315013X')).toBe('450103********013X');
  });
});
