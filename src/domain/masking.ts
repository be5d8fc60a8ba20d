import { maskResidentId } from './resident-id';

/*
 * How personal data is shown to anyone who is not reading it unmasked as an AUDITOR (PIPL Art. 28,
 * 31; 等保 2.0): the common Chinese practice of keeping just enough to tell records apart. Every
 * rule keeps the value's length in characters (a masked value still lines up in a table) and is
 * idempotent, so masking what is already masked changes nothing.
 */

/** Keeps `head` characters and `tail` characters, `*` between; too short to keep any: all `*`. */
function keepEnds(text: string, head: number, tail: number): string {
  const chars = [...text];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return (
    chars.slice(0, head).join('') +
    '*'.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

/** `张*` and `张*明`, `欧**明`: the surname's first character and, past two, the last. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 2)
    return chars.length === 0 ? '' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  return keepEnds(name, 1, 1);
}

/** `138****1234`: the carrier prefix and the last four. */
export function maskMobile(mobile: string): string {
  return keepEnds(mobile, 3, 4);
}

/**
 * A certificate, permit or licence number: a quarter at each end, at most four characters each,
 * so a number is recognisable on the page it came from but not reusable.
 */
export function maskDocumentNo(number: string): string {
  const keep = Math.min(4, Math.floor([...number].length / 4));
  return keepEnds(number, keep, keep);
}

/** `2020-**-**`: the year of birth, which an age group needs; not the day. */
export function maskBirthDate(date: string): string {
  return date.slice(0, 4) + date.slice(4).replace(/\d/g, '*');
}

/*
 * An address keeps its divisions down to the township or street office (省/自治区, 市/州/盟,
 * 区/县/旗, 街道/镇/乡), each found in that order, lazily; no division part holds a digit or `*`,
 * so a house number is never kept and a masked address matches the same prefix again.
 */
const PART = String.raw`[^\d０-９*]{1,12}?`;
const ADDRESS_DIVISIONS = new RegExp(
  `^(?:${PART}(?:省|自治区))?(?:${PART}(?:自治州|市|州|盟))?(?:${PART}(?:区|县|旗|市))?(?:${PART}(?:街道|镇|乡))?`,
  'u',
);

/** `南宁市青秀区*********`: the divisions stay, the road, number, building and room do not. */
export function maskAddress(address: string): string {
  const kept = ADDRESS_DIVISIONS.exec(address)?.[0] ?? '';
  return kept + '*'.repeat([...address.slice(kept.length)].length);
}

/** Runs of 15 or more digits (an 18-character ID, an old 15-digit one, a number glued to one). */
const ID_LIKE_RUN = /\d{15,}[Xx]?/g;
/** Mainland mobiles on their own, with or without the country code 86. */
const MOBILE_LIKE = /(?<!\d)(86)?(1[3-9]\d{9})(?!\d)/g;

/** `450103********1234` for every ID-like run in a text, valid number or not. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_LIKE_RUN, (run) => maskResidentId(run.toUpperCase()));
}

/** ID numbers and mobiles wherever they appear in a text, whatever field holds it. */
export function maskByShape(text: string): string {
  return maskIdNumbers(text).replace(
    MOBILE_LIKE,
    (_all, cc: string | undefined, mobile: string) => `${cc ?? ''}${maskMobile(mobile)}`,
  );
}

/**
 * Which fields hold what, by their key (any casing, wherever the field sits): forms, department
 * answers and evidence use these names. The first rule that matches applies. A plain `name` is
 * taken for a person's, so a school's name under that key is masked too: masking too much in a
 * console view costs less than too little.
 */
const FIELD_RULES: readonly { readonly key: RegExp; readonly mask: (text: string) => string }[] = [
  { key: /idnumber$|^idno$/i, mask: maskResidentId },
  { key: /mobile|phone/i, mask: maskMobile },
  {
    key: /^name$|(?:child|guardian|holder|owner|member|person|applicant|contact)name$/i,
    mask: maskName,
  },
  { key: /address$/i, mask: maskAddress },
  { key: /birthdate$|^birth$|dateofbirth/i, mask: maskBirthDate },
  {
    key: /^number$|(?:certificate|permit|proof|household|licen[cs]e)(?:no|number)?$/i,
    mask: maskDocumentNo,
  },
];

/** One text under a key: the key's rule if it has one, then the shapes. */
export function maskField(text: string, key?: string): string {
  const rule = key === undefined ? undefined : FIELD_RULES.find((r) => r.key.test(key));
  return maskByShape(rule ? rule.mask(text) : text);
}

/**
 * Walks a JSON value and masks every string with `mask(text, key)`, the key being the nearest
 * object key (array elements take their array's). Keys are masked too (a map keyed by ID
 * number), and a number whose digits `mask` would change becomes a masked string.
 */
export function maskJson(
  value: unknown,
  mask: (text: string, key?: string) => string,
  key?: string,
): unknown {
  if (typeof value === 'string') return mask(value, key);
  if (typeof value === 'number') {
    const text = String(value);
    const masked = mask(text, key);
    return masked === text ? value : masked;
  }
  if (Array.isArray(value)) return value.map((item) => maskJson(item, mask, key));
  if (value instanceof Date) return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, inner]) => [mask(k), maskJson(inner, mask, k)]),
    );
  }
  return value;
}

/**
 * Personal data masked by field and by shape, anywhere in a JSON value: the same shape, except
 * that a number which is itself personal data (a mobile sent as a number) becomes masked text.
 */
export function maskPersonalData<T>(value: T): T {
  return maskJson(value, maskField) as T;
}
