import fc from 'fast-check';
import { FIXTURES } from '../../simulator/fixtures';
import { formBFor, formFor, guardianFor } from '../../testing/forms';
import { applicationFormSchema } from './application-form';
import { toViolations, type Violation } from './violations';

/**
 * Fuzzing by mutation: valid forms, broken one field at a time (a wrong type, a boundary, an odd
 * Unicode character), must come back as violations that name that field and no other, each with
 * its code and both messages — what the API returns as a 400 problem document.
 */
type Path = readonly (string | number)[];
type Leaf = { readonly path: Path; readonly value: unknown };

const BASES = {
  'Form A': formFor(FIXTURES.liXiaoming, {
    guardians: [{ ...guardianFor(1), employer: '南宁市某某公司' }, guardianFor(2, 'MOTHER')],
    policyCare: { category: 'MILITARY', proofNo: '军字第0001号' },
    schoolChoices: ['450103-P01', '450103-P02'],
  }),
  'Form B': formBFor(FIXTURES.huangSiqi),
  'Form A, junior': formFor(FIXTURES.liXiaoming, {
    stage: 'JUNIOR_1',
    currentPrimarySchool: { name: '桃源路小学', divisionCode: '450103', schoolId: '450103-P01' },
  }),
};

function leaves(value: unknown, path: Path = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

function withLeaf(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[head as number] = withLeaf(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = withLeaf(copy[head as string], rest, replacement);
  return copy;
}

/** `guardians[0].mobile`, as violations name a path. */
const pathText = (path: Path) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');

function violationsOf(body: unknown): Violation[] {
  const result = applicationFormSchema.safeParse(body, { reportInput: true });
  return result.success ? [] : toViolations(result.error);
}

/** Violations naming `path` only, each a rule with a code and both messages. */
function expectViolationsAt(body: unknown, path: Path, mayPass = false): void {
  const found = violationsOf(body);
  if (mayPass && found.length === 0) return;
  expect(found.length).toBeGreaterThan(0);
  for (const v of found) {
    expect(v.path).toBe(pathText(path));
    expect(v.code).toMatch(/^[A-Z_]+$/);
    expect(v.message_zh.length).toBeGreaterThan(0);
    expect(v.message_en.length).toBeGreaterThan(0);
  }
}

const cases = Object.entries(BASES).flatMap(([form, body]) =>
  leaves(body).map((leaf) => ({ form, body, ...leaf })),
);
const anyLeaf = fc.constantFrom(...cases);

/** A value of any JSON type but the leaf's own. */
const wrongTypeFor = (value: unknown) =>
  fc
    .constantFrom<unknown>(42, 0, true, false, null, '2026', '', {}, [], ['x'], { value })
    .filter((w) => typeof w !== typeof value || (w !== null && typeof w === 'object'));

const boundaryFor = (value: unknown) =>
  typeof value === 'number'
    ? fc.constantFrom(-1, 0.5, 1e9, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity)
    : fc.constantFrom('', ' ', '\u3000', 'x'.repeat(1001), '9'.repeat(1001));

// Characters no field takes: C0 and C1 controls, and half a surrogate pair (no UTF-8 for it).
const NEVER = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff'];
// Characters a free-text field may take or refuse, but never blame on another field.
const ODD = [
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\u202e', // right-to-left override
  '\u0301', // combining acute accent
  'é', // e + combining accent, decomposed
  '😀',
  '𠮷',
  '\u3000',
  '１',
];
/** Free text: a code or enumeration refuses any odd character, a text field may take it. */
const FREE_TEXT = new Set([
  'name',
  'idNumber',
  'hukouAddress',
  'currentAddress',
  'employer',
  'certificateNo',
  'address',
  'ownerName',
  'number',
  'employerOrLicence',
  'proofNo',
  'schoolId',
]);
const isFreeText = (path: Path) =>
  path[0] === 'schoolChoices' || FREE_TEXT.has(String(path[path.length - 1]));

const insertAt = (text: string, at: number, inserted: string) => {
  const i = Math.min(at, text.length);
  return `${text.slice(0, i)}${inserted}${text.slice(i)}`;
};

describe('the application form, fuzzed one field at a time from valid forms', () => {
  it('starts from valid forms', () => {
    for (const body of Object.values(BASES)) expect(violationsOf(body)).toEqual([]);
    expect(cases.length).toBeGreaterThan(60);
  });

  it('refuses a value of the wrong type, naming that field', () => {
    fc.assert(
      fc.property(
        anyLeaf.chain((c) => fc.tuple(fc.constant(c), wrongTypeFor(c.value))),
        ([c, wrong]) => expectViolationsAt(withLeaf(c.body, c.path, wrong), c.path),
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an empty, blank, huge or out-of-range value, naming that field', () => {
    fc.assert(
      fc.property(
        anyLeaf
          .filter((c) => typeof c.value !== 'boolean')
          .chain((c) => fc.tuple(fc.constant(c), boundaryFor(c.value))),
        ([c, boundary]) => expectViolationsAt(withLeaf(c.body, c.path, boundary), c.path),
      ),
      { numRuns: 500 },
    );
  });

  it('refuses control characters and broken surrogates anywhere in a text, naming that field', () => {
    fc.assert(
      fc.property(
        anyLeaf.filter((c) => typeof c.value === 'string'),
        fc.constantFrom(...NEVER),
        fc.nat({ max: 40 }),
        (c, odd, at) =>
          // Inside the text, where trimming cannot remove it.
          expectViolationsAt(
            withLeaf(c.body, c.path, insertAt(c.value as string, Math.max(1, at), odd)),
            c.path,
          ),
      ),
      { numRuns: 500 },
    );
  });

  it('takes or refuses odd Unicode in free text, but a code or enumeration refuses it, and never blames another field', () => {
    fc.assert(
      fc.property(
        anyLeaf.filter((c) => typeof c.value === 'string'),
        fc.constantFrom(...ODD),
        fc.nat({ max: 40 }),
        (c, odd, at) => {
          const text = insertAt(c.value as string, Math.max(1, at), odd);
          expectViolationsAt(withLeaf(c.body, c.path, text), c.path, isFreeText(c.path));
        },
      ),
      { numRuns: 500 },
    );
  });
});
