import fc from 'fast-check';
import { formBFor, formFor } from '../../testing/forms';
import { INVALID_CASES } from '../../testing/invalid-bodies';
import { FIXTURES } from '../../simulator/fixtures';
import { buildResidentId } from '../../simulator/population';
import { applicationFormSchema } from './application-form';
import { toViolations } from './violations';

function violationsOf(body: unknown): string[] {
  const result = applicationFormSchema.safeParse(body, { reportInput: true });
  return result.success ? [] : toViolations(result.error).map((v) => `${v.path}:${v.code}`);
}

describe('the unified application form', () => {
  it('accepts a complete Form A and a complete Form B', () => {
    expect(violationsOf(formFor(FIXTURES.liXiaoming))).toEqual([]);
    expect(violationsOf(formBFor(FIXTURES.huangSiqi))).toEqual([]);
  });

  it('normalises full-width digits and a lowercase x in ID numbers', () => {
    const child = FIXTURES.liXiaoming;
    const typed = child.idNumber
      .toLowerCase()
      .replace(/\d/, (d) => String.fromCharCode(0xff10 + Number(d)));
    const parsed = applicationFormSchema.parse(
      formFor(child, { child: { ...formFor(child).child, idNumber: typed } }),
    );
    expect(parsed.child.idNumber).toBe(child.idNumber);
  });

  it('accepts ethnic names with a middle dot and rare characters', () => {
    const base = formFor(FIXTURES.weiNongLan);
    expect(violationsOf(base)).toEqual([]);
    expect(violationsOf({ ...base, guardians: [{ ...base.guardians[0], name: '𠮷田' }] })).toEqual(
      [],
    );
  });

  it.each(INVALID_CASES.filter((c) => !c.reference).map((c) => [c.name, c] as const))(
    'rejects %s, naming each field and rule',
    (_name, c) => {
      expect(violationsOf(c.body).sort()).toEqual([...c.expected].sort());
    },
  );
});

describe('the child ID number against the stated birth date and gender (property)', () => {
  const child = FIXTURES.liXiaoming;
  const base = formFor(child);

  it('fails whenever the stated birth date differs from the one in the ID number', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2012-01-01T00:00:00Z'),
          max: new Date('2021-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const stated = date.toISOString().slice(0, 10);
          fc.pre(stated !== child.birthDate);
          expect(violationsOf({ ...base, child: { ...base.child, birthDate: stated } })).toContain(
            'child.birthDate:ID_BIRTH_DATE_MISMATCH',
          );
        },
      ),
    );
  });

  it('passes when statement and ID agree, for any valid number, and fails on the other gender', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2013-09-01T00:00:00Z'),
          max: new Date('2020-08-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('MALE' as const, 'FEMALE' as const),
        (date, sequence, gender) => {
          const birthDate = date.toISOString().slice(0, 10);
          const idNumber = buildResidentId('450103', birthDate, sequence, gender);
          const body = { ...base, child: { ...base.child, idNumber, birthDate, gender } };
          expect(violationsOf(body)).toEqual([]);
          const other = gender === 'MALE' ? 'FEMALE' : 'MALE';
          expect(violationsOf({ ...body, child: { ...body.child, gender: other } })).toEqual([
            'child.gender:ID_GENDER_MISMATCH',
          ]);
        },
      ),
    );
  });
});
