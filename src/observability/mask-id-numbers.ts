import { maskResidentId } from '../domain/resident-id';

/**
 * Resident ID numbers (18 characters: 17 digits and a digit or X; and the old 15-digit ones) must
 * never reach a log (DESIGN.md §6). Any run of 15 or more digits is masked, not only valid
 * numbers: a mistyped number is personal data too, and a run with other digits glued to it (a
 * number inside a longer one) must not slip through because it no longer looks like an ID.
 */
const ID_LIKE_RUN = /\d{15,}[Xx]?/g;

/** `450103********1234`: the run's first six and last four characters, as in responses. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_LIKE_RUN, (run) => maskResidentId(run.toUpperCase()));
}

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
  return `${JSON.stringify(maskValue(parsed))}${line.endsWith('\n') ? '\n' : ''}`;
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskIdNumbers(value);
  if (typeof value === 'number') {
    // Past 15 digits a JSON number is itself ID-shaped; it becomes a masked string.
    const text = String(value);
    return /\d{15}/.test(text) ? maskIdNumbers(text) : value;
  }
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [maskIdNumbers(key), maskValue(inner)]),
    );
  }
  return value;
}
