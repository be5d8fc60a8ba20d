import fc from 'fast-check';
import {
  maskResidentId,
  normaliseResidentId,
  parseResidentId,
  residentIdCheckChar,
} from './resident-id';
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

  it('accepts the 34 province-level codes of GB/T 2260 and no other first two digits', () => {
    // 4 municipalities, 23 provinces (Taiwan 71 among them), 5 autonomous regions, 2 SARs.
    const withPrefix = (prefix: string) => {
      const first17 = `${prefix}010320150315013`;
      return parseResidentId(`${first17}${residentIdCheckChar(first17)}`);
    };
    const accepted = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0')).filter(
      (prefix) => withPrefix(prefix).ok,
    );
    expect(accepted).toEqual([
      ...['11', '12', '13', '14', '15'],
      ...['21', '22', '23'],
      ...['31', '32', '33', '34', '35', '36', '37'],
      ...['41', '42', '43', '44', '45', '46'],
      ...['50', '51', '52', '53', '54'],
      ...['61', '62', '63', '64', '65'],
      ...['71', '81', '82'],
    ]);
    expect(withPrefix('47')).toEqual({ ok: false, problem: 'DIVISION_CODE' });
  });

  it('takes births from 1900 on, in real months and days', () => {
    const born = (date: string) => {
      const first17 = `450103${date}013`;
      return parseResidentId(`${first17}${residentIdCheckChar(first17)}`);
    };
    expect(born('19000101')).toMatchObject({ ok: true, value: { birthDate: '1900-01-01' } });
    expect(born('18991231')).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    for (const date of ['20150015', '20151315', '20150100'])
      expect(born(date)).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    expect(born('20151231')).toMatchObject({ ok: true, value: { birthDate: '2015-12-31' } });
  });

  it('masks a value too short to be a number entirely, keeping its length', () => {
    expect(maskResidentId('123456789')).toBe('*********');
    expect(maskResidentId('')).toBe('');
    expect(maskResidentId('4501032015031501')).toBe('450103******1501');
  });
});
