import { maskIdNumbers, maskJson } from '../domain/masking';

/*
 * Resident ID numbers (18 characters: 17 digits and a digit or X; and the old 15-digit ones) must
 * never reach a log (DESIGN.md §6). Any run of 15 or more digits is masked, not only valid
 * numbers: a mistyped number is personal data too, and a run with other digits glued to it (a
 * number inside a longer one) must not slip through because it no longer looks like an ID.
 */

/**
 * Masks one serialised JSON log line. Most lines have no long digit run and no escape that could
 * spell one, and pass through as they are; the others are parsed and masked value by value, so
 * that an escaped number (`\u0034…`) is caught and a masked number never breaks the JSON.
 */
export function maskLogLine(line: string): string {
  if (!/\d{15}|\\u/.test(line)) return line;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return maskIdNumbers(line);
  }
  // Past 15 digits a JSON number is itself ID-shaped; it becomes a masked string.
  return `${JSON.stringify(maskJson(parsed, maskIdNumbers))}${line.endsWith('\n') ? '\n' : ''}`;
}
