import type { FormInstance } from 'antd';
import { ApiError, type Violation } from './api';
import type { Lang } from './i18n';

/** `guardians[0].mobile` → ['guardians', 0, 'mobile'], the name path of an antd field. */
export function namePath(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Message of a violation in the reader's language. */
export const messageOf = (v: Violation, lang: Lang) =>
  lang === 'zh' ? v.message_zh : v.message_en;

/**
 * Shows each of the API's violations under its field; answers the violations no field on the
 * form shows, for the page to list.
 */
export function placeViolations(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  fields: readonly string[],
): Violation[] {
  if (!(error instanceof ApiError)) return [];
  const placed = error.violations.filter((v) => fields.includes(String(namePath(v.path)[0])));
  form.setFields(placed.map((v) => ({ name: namePath(v.path), errors: [messageOf(v, lang)] })));
  return error.violations.filter((v) => !placed.includes(v));
}
