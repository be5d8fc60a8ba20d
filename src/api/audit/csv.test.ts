import { csvLine } from './csv';

describe('csvLine', () => {
  it('quotes separators, quotes and line breaks, and leaves plain cells alone', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3, 12n])).toBe(
      'a,"b,c","say ""hi""","two\nlines",,3,12\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)'])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1)\r\n`,
    );
  });

  it('writes dates as ISO 8601 and JSON as JSON', () => {
    expect(csvLine([new Date('2026-12-02T01:02:03.004Z'), { a: 1 }])).toBe(
      '2026-12-02T01:02:03.004Z,"{""a"":1}"\r\n',
    );
  });
});
