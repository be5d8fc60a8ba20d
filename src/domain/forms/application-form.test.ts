import { formFor } from '../../../test/support/forms';
import { FIXTURES } from '../../simulator/fixtures';
import { applicationFormSchema } from './application-form';
import { toViolations } from './violations';

const child = FIXTURES.liXiaoming;
const valid = formFor(child);

function violationsOf(body: unknown) {
  const result = applicationFormSchema.safeParse(body, { reportInput: true });
  return result.success ? [] : toViolations(result.error).map((v) => `${v.path}:${v.code}`);
}

describe('the application form', () => {
  it('accepts a complete Form A and normalises the ID number', () => {
    const parsed = applicationFormSchema.parse({
      ...valid,
      child: {
        ...valid.child,
        idNumber: child.idNumber
          .toLowerCase()
          .replace(/\d/, (d) => String.fromCharCode(0xff10 + Number(d))),
      },
    });
    expect(parsed.child.idNumber).toBe(child.idNumber);
  });

  it('accepts ethnic names with a middle dot and rare characters', () => {
    expect(violationsOf({ ...valid, child: { ...valid.child, name: '韦·农兰' } })).toEqual([]);
    expect(violationsOf({ ...valid, guardian: { ...valid.guardian, name: '𠮷田' } })).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['missing stage', { ...valid, stage: undefined }, ['stage:REQUIRED']],
    ['unknown stage', { ...valid, stage: 'KINDERGARTEN' }, ['stage:NOT_IN_LIST']],
    ['county outside Guangxi', { ...valid, countyCode: '110105' }, ['countyCode:BAD_FORMAT']],
    ['season as a string', { ...valid, seasonYear: '2026' }, ['seasonYear:WRONG_TYPE']],
    [
      'bad check digit',
      {
        ...valid,
        child: {
          ...valid.child,
          idNumber: `${child.idNumber.slice(0, 17)}${child.idNumber[17] === '0' ? '1' : '0'}`,
        },
      },
      ['child.idNumber:ID_CHECK_DIGIT'],
    ],
    [
      'birth date disagreeing with the ID',
      { ...valid, child: { ...valid.child, birthDate: '2020-03-16' } },
      ['child.birthDate:ID_BIRTH_DATE_MISMATCH'],
    ],
    [
      'gender disagreeing with the ID',
      { ...valid, child: { ...valid.child, gender: 'FEMALE' } },
      ['child.gender:ID_GENDER_MISMATCH'],
    ],
    [
      'impossible date',
      { ...valid, child: { ...valid.child, birthDate: '2020-02-30' } },
      ['child.birthDate:DATE_FORMAT', 'child.birthDate:ID_BIRTH_DATE_MISMATCH'],
    ],
    [
      'digits in a name',
      { ...valid, child: { ...valid.child, name: '李2明' } },
      ['child.name:NAME_CHARACTERS'],
    ],
    [
      'control character in a name',
      { ...valid, child: { ...valid.child, name: '李\u0007明' } },
      ['child.name:CONTROL_CHARACTERS'],
    ],
    [
      'name too long',
      { ...valid, child: { ...valid.child, name: '李'.repeat(31) } },
      ['child.name:TOO_LONG'],
    ],
    [
      'landline instead of mobile',
      { ...valid, guardian: { ...valid.guardian, mobile: '07715555555' } },
      ['guardian.mobile:MOBILE_FORMAT'],
    ],
    [
      'no consent',
      { ...valid, consent: { dataVerification: false } },
      ['consent.dataVerification:CONSENT_REQUIRED'],
    ],
    ['unknown field', { ...valid, school: 'x' }, ['school:UNKNOWN_FIELD']],
    [
      'unknown nested field',
      { ...valid, child: { ...valid.child, nickname: 'x' } },
      ['child.nickname:UNKNOWN_FIELD'],
    ],
  ])('rejects %s, naming the field and the rule', (_case, body, expected) => {
    expect(violationsOf(body)).toEqual(expected);
  });

  it('reports every violation at once', () => {
    expect(
      violationsOf({
        ...valid,
        stage: 'X',
        consent: { dataVerification: false },
        guardian: { name: '', mobile: '1' },
      }),
    ).toEqual([
      'stage:NOT_IN_LIST',
      'guardian.name:TOO_SHORT',
      'guardian.mobile:MOBILE_FORMAT',
      'consent.dataVerification:CONSENT_REQUIRED',
    ]);
  });
});
