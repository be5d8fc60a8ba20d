import type { z } from 'zod';
import { RULES, type RuleCode } from './rule-texts';

/** One broken rule, as the problem document lists it. */
export interface Violation {
  readonly path: string;
  readonly code: RuleCode;
  readonly message_zh: string;
  readonly message_en: string;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function ruleOf(issue: z.core.$ZodIssue): RuleCode {
  switch (issue.code) {
    case 'custom': {
      const rule = (issue.params as { rule?: RuleCode } | undefined)?.rule;
      return rule && rule in RULES ? rule : 'BAD_FORMAT';
    }
    case 'invalid_type':
      return issue.input === undefined ? 'REQUIRED' : 'WRONG_TYPE';
    case 'invalid_value':
      return issue.input === undefined ? 'REQUIRED' : 'NOT_IN_LIST';
    case 'too_small':
      return issue.origin === 'string' ? 'TOO_SHORT' : 'OUT_OF_RANGE';
    case 'too_big':
      return issue.origin === 'string' ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'invalid_format':
      return 'BAD_FORMAT';
    default:
      return 'WRONG_TYPE';
  }
}

/** A violation of a rule at a path such as `guardians[0].mobile`. */
export function violation(path: string, code: RuleCode): Violation {
  return { path, code, message_zh: RULES[code].zh, message_en: RULES[code].en };
}

/** A query parameter the endpoint does not take, named in both messages. */
export function unknownQueryParameter(name: string): Violation {
  const { en, zh } = RULES.UNKNOWN_QUERY_PARAMETER;
  return {
    path: name,
    code: 'UNKNOWN_QUERY_PARAMETER',
    message_zh: zh.replace('{name}', name),
    message_en: en.replace('{name}', name),
  };
}

/** Where the parsed value came from: the body is "the form", the query string is not. */
export type RequestPart = 'body' | 'query' | 'param';

/**
 * Every violation of a failed parse, in a shape a person and a client can both use. Parse with
 * `{ reportInput: true }` so that a missing field (REQUIRED) is told apart from a wrong one.
 */
export function toViolations(error: z.ZodError, part: RequestPart = 'body'): Violation[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => {
          const path = joinPath([...issue.path, key]);
          return part === 'query' ? unknownQueryParameter(path) : violation(path, 'UNKNOWN_FIELD');
        })
      : [violation(joinPath(issue.path), ruleOf(issue))],
  );
}
