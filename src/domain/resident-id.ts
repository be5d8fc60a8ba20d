/**
 * Mainland resident identity numbers (GB 11643-1999): 6-digit division code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.
 */

export type Gender = 'MALE' | 'FEMALE';

export type ResidentIdProblem = 'FORMAT' | 'CHECK_DIGIT' | 'BIRTH_DATE' | 'DIVISION_CODE';

export interface ParsedResidentId {
  readonly number: string;
  readonly divisionCode: string;
  readonly birthDate: string;
  readonly gender: Gender;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260; a number whose first two digits are none of these is invalid. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** Full-width digits and letters (as typed by Chinese IMEs) become ASCII; spaces go; x becomes X. */
export function normaliseResidentId(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * WEIGHTS[i]!;
  }
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export type ResidentIdResult =
  { ok: true; value: ParsedResidentId } | { ok: false; problem: ResidentIdProblem };

/** Validates an already-normalised number. */
export function parseResidentId(number: string): ResidentIdResult {
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, problem: 'FORMAT' };
  if (!PROVINCE_CODES.has(number.slice(0, 2))) return { ok: false, problem: 'DIVISION_CODE' };
  const birth = number.slice(6, 14);
  if (!isRealDate(birth)) return { ok: false, problem: 'BIRTH_DATE' };
  if (residentIdCheckChar(number.slice(0, 17)) !== number[17]) {
    return { ok: false, problem: 'CHECK_DIGIT' };
  }
  return {
    ok: true,
    value: {
      number,
      divisionCode: number.slice(0, 6),
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      gender: Number(number[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}

/** `450103********1234`: division code and last four only, as DESIGN.md §6 requires in responses and logs. */
export function maskResidentId(number: string): string {
  // By character, not UTF-16 unit, so that a masked value keeps the length of what it masks.
  const chars = [...number];
  if (chars.length < 10) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}
