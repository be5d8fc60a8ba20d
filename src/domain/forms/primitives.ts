import { z } from 'zod';
import { normaliseResidentId, parseResidentId, type ResidentIdProblem } from '../resident-id';
import { isGuangxiCounty } from '../reference/guangxi-divisions';
import { RULES, type RuleCode } from './rule-texts';

/** Adds an issue whose code and Chinese text travel in `params` to the problem document. */
export function addRuleIssue(
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void },
  rule: RuleCode,
  path: PropertyKey[] = [],
  input?: unknown,
): void {
  ctx.addIssue({ code: 'custom', message: RULES[rule].en, params: { rule }, path, input });
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Half of a surrogate pair: valid in a JavaScript string and in JSON, but it has no UTF-8 form, so
// PostgreSQL would store a replacement character instead of what was sent.
const BROKEN = /\p{Cs}/u;

export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      if (CONTROL.test(value)) addRuleIssue(ctx, 'CONTROL_CHARACTERS');
      else if (BROKEN.test(value)) addRuleIssue(ctx, 'BROKEN_CHARACTERS');
    });
}

// Han (including extension planes for rare characters), Latin letters for minority romanisations,
// spaces, and the middle dot in its common code points (·, ・, •) used in ethnic names.
const NAME = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ·・•]*$/u;

export const personName = text(30).superRefine((value, ctx) => {
  if (value.length > 0 && !CONTROL.test(value) && !BROKEN.test(value) && !NAME.test(value))
    addRuleIssue(ctx, 'NAME_CHARACTERS');
});

const ID_RULE: Record<ResidentIdProblem, RuleCode> = {
  FORMAT: 'ID_FORMAT',
  DIVISION_CODE: 'ID_DIVISION_CODE',
  BIRTH_DATE: 'ID_BIRTH_DATE',
  CHECK_DIGIT: 'ID_CHECK_DIGIT',
};

export const residentIdNumber = z
  .string()
  .max(40)
  .transform(normaliseResidentId)
  .superRefine((value, ctx) => {
    const result = parseResidentId(value);
    if (!result.ok) addRuleIssue(ctx, ID_RULE[result.problem]);
  });

export const isoDate = z.string().superRefine((value, ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    addRuleIssue(ctx, 'DATE_FORMAT');
  }
});

export const mobileNumber = z.string().superRefine((value, ctx) => {
  if (!/^1[3-9]\d{9}$/.test(value)) addRuleIssue(ctx, 'MOBILE_FORMAT');
});

export const divisionCode = z.string().superRefine((value, ctx) => {
  if (!/^\d{6}$/.test(value)) addRuleIssue(ctx, 'DIVISION_CODE');
});

export const guangxiCounty = z.string().superRefine((value, ctx) => {
  if (!isGuangxiCounty(value)) addRuleIssue(ctx, 'NOT_GUANGXI_COUNTY');
});

/** GB/T 3304: 01–56 for the 56 recognised ethnic groups, 97 unrecognised, 98 naturalised. */
export const ethnicityCode = z.string().superRefine((value, ctx) => {
  const n = /^\d{2}$/.test(value) ? Number(value) : NaN;
  if (!((n >= 1 && n <= 56) || n === 97 || n === 98)) addRuleIssue(ctx, 'ETHNICITY');
});

export const address = text(120);
