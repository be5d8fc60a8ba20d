import fc from 'fast-check';
import { parseResidentId } from '../domain/resident-id';
import { maskIdNumbers } from '../domain/masking';
import { maskLogLine } from './mask-id-numbers';
import { digits, validResidentId } from '../testing/resident-ids';

const validId = validResidentId.map((v) => v.id);

/** Any text, and text dense in digits and X so that an ID gets glued to others. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789Xx -:"\\{}'), maxLength: 40 }),
  digits(1).chain((d) => fc.constantFrom(d, `${d}${d}`, 'X', '')),
);

const LONG_DIGIT_RUN = /\d{15}/;

describe('masking ID numbers in logs', () => {
  it('keeps the division code and the last four characters, as responses do', () => {
    expect(maskIdNumbers('child 45010320200315013X applied')).toBe(
      'child 450103********013X applied',
    );
    expect(maskIdNumbers('id=450103200315013')).toBe('id=450103*****5013');
    expect(maskIdNumbers('x: 45010320200315013x.')).toBe('x: 450103********013X.');
  });

  it('leaves what is not ID-shaped alone: application numbers, request ids, times', () => {
    const line =
      '2026-450103-000001-2 5f0c1a52-9d7e-4c1b-8f57-123456789012 1767225600000 2026-01-01T00:00:00.000Z';
    expect(maskIdNumbers(line)).toBe(line);
    fc.assert(
      fc.property(text, (s) => {
        fc.pre(!LONG_DIGIT_RUN.test(s));
        expect(maskIdNumbers(s)).toBe(s);
      }),
    );
  });

  it('never lets a valid ID number embedded in any text through', () => {
    fc.assert(
      fc.property(validId, text, text, (id, before, after) => {
        expect(parseResidentId(id).ok).toBe(true);
        const masked = maskIdNumbers(`${before}${id}${after}`);
        expect(masked).not.toContain(id);
        expect(masked).not.toMatch(LONG_DIGIT_RUN);
      }),
      { numRuns: 1000 },
    );
  });

  it('masks every value of a JSON log line, which stays valid JSON', () => {
    fc.assert(
      fc.property(validId, text, text, (id, before, after) => {
        const embedded = `${before}${id}${after}`;
        const line = `${JSON.stringify({ msg: embedded, nested: { [embedded]: [embedded, 1] } })}\n`;
        const masked = maskLogLine(line);
        expect(masked.endsWith('\n')).toBe(true);
        const parsed: unknown = JSON.parse(masked);
        expect(JSON.stringify(parsed)).not.toContain(id);
        expect(masked).not.toContain(id);
      }),
    );
  });

  it('catches a number spelled with JSON escapes and one written as a JSON number', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const escaped = [...id].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        const line = `{"msg":"child ${escaped.join('')}"}\n`;
        const parsed = JSON.parse(maskLogLine(line)) as { msg: string };
        expect(parsed.msg).toBe(`child ${id.slice(0, 6)}********${id.slice(-4)}`);
      }),
    );
    const numeric = JSON.parse(maskLogLine('{"n":450103202003150134,"small":42}\n')) as {
      n: unknown;
      small: unknown;
    };
    expect(numeric.small).toBe(42);
    expect(String(numeric.n)).not.toMatch(LONG_DIGIT_RUN);
  });

  it('passes a line with nothing ID-shaped through untouched', () => {
    const line =
      '{"level":"info","time":"2026-01-01T00:00:00.000Z","applicationNo":"2026-450103-000001-2"}\n';
    expect(maskLogLine(line)).toBe(line);
  });
});
