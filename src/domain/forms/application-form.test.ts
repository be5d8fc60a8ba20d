import { formBFor, formFor } from '../../../test/support/forms';
import { INVALID_CASES } from '../../../test/support/invalid-bodies';
import { FIXTURES } from '../../simulator/fixtures';
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
