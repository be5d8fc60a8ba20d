import { applicationNoOf } from './application-log-attributes';

describe("the application number on an activity's log lines", () => {
  const no = '2026-450103-000001-2';

  it('is found as an argument, inside one, or in the first of a list (notices sent together)', () => {
    expect(applicationNoOf(no)).toBe(no);
    expect(applicationNoOf({ applicationNo: no, form: {} })).toBe(no);
    expect(
      applicationNoOf([
        { applicationNo: no, seq: 1 },
        { applicationNo: no, seq: 2 },
      ]),
    ).toBe(no);
  });

  it('is absent from anything that does not carry a well-formed one', () => {
    expect(applicationNoOf('450103')).toBeUndefined();
    expect(applicationNoOf({ applicationNo: 'not-a-number' })).toBeUndefined();
    expect(applicationNoOf([])).toBeUndefined();
    expect(applicationNoOf(null)).toBeUndefined();
  });
});
