import { residentIdCheckChar } from './resident-id';

/**
 * Application numbers people read over the phone: season, county, sequence and one check
 * character, grouped as `2026-450103-000123-7`. The check character uses the same ISO 7064
 * MOD 11-2 scheme as the ID card, so a misheard digit is caught before anything is looked up.
 */
export function formatApplicationNo(
  seasonYear: number,
  countyCode: string,
  sequence: number,
): string {
  const seq = String(sequence).padStart(6, '0');
  const body = `${seasonYear}${countyCode}${seq}`;
  return `${seasonYear}-${countyCode}-${seq}-${checkChar(body)}`;
}

export function isWellFormedApplicationNo(value: string): boolean {
  const m = /^(\d{4})-(\d{6})-(\d{6,})-([\dX])$/.exec(value);
  if (!m) return false;
  return checkChar(`${m[1]}${m[2]}${m[3]}`) === m[4];
}

/** The season an application number belongs to (its first group). */
export function seasonYearOf(applicationNo: string): number {
  return Number(applicationNo.slice(0, 4));
}

function checkChar(digits: string): string {
  // MOD 11-2 over the last 17 digits, left-padded, so the weights of the ID-card scheme apply.
  return residentIdCheckChar(digits.padStart(17, '0').slice(-17));
}
