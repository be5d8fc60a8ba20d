import type { CheckOutcome } from '../../enrolment';
import type { ApplicationForm } from '../../forms/application-form';

/**
 * What every check is made of. A check compares what the family stated with what a department's
 * registry holds, names every field that disagrees, and keeps the registry's answer as evidence:
 * the registry wins, and priority rests on the evidence, not on the statement (DESIGN.md §3, §5).
 */
export interface CheckResult<E = unknown> {
  readonly outcome: CheckOutcome;
  readonly mismatchedFields: string[];
  readonly evidence: E | { readonly found: false } | { readonly reason: string };
}

/** Outcomes by check name, as a case records them (a check not run is absent). */
export type CheckResultsByName = Readonly<Partial<Record<string, CheckResult>>>;

export const notFound: CheckResult = {
  outcome: 'NOT_FOUND',
  mismatchedFields: [],
  evidence: { found: false },
};

export function outcome<E>(mismatchedFields: string[], evidence: E): CheckResult<E> {
  return { outcome: mismatchedFields.length ? 'MISMATCH' : 'MATCH', mismatchedFields, evidence };
}

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/**
 * One interface of a department on the data-sharing exchange, as data: the exchange's client and
 * the simulator serve it by `name` (their schemas are keyed by it, in integration/data-sharing).
 * The type parameters say what is asked and what a FOUND answer carries, so a check reads it typed.
 */
export interface DepartmentQuery<
  Name extends string = string,
  Request = unknown,
  Answer = unknown,
> {
  readonly name: Name;
  /** The endpoint's name in metrics and the simulator's fault injection. */
  readonly endpoint: string;
  readonly path: string;
  /** Phantom fields: types only, never set. */
  readonly request?: Request;
  readonly answer?: Answer;
}

export function departmentQuery<Request, Answer>() {
  return <const Name extends string>(
    query: Omit<DepartmentQuery<Name>, 'request' | 'answer'>,
  ): DepartmentQuery<Name, Request, Answer> => query;
}

export type RequestOf<Q> = Q extends DepartmentQuery<string, infer R, unknown> ? R : never;
export type AnswerOf<Q> = Q extends DepartmentQuery<string, unknown, infer A> ? A : never;

/**
 * Asks a department one query: its FOUND answer, or undefined when the registry has no record.
 * The activity supplies it (the HTTP call, retries, metrics), so checks themselves stay pure.
 */
export type Ask = <Q extends DepartmentQuery>(
  query: Q,
  request: RequestOf<Q>,
) => Promise<AnswerOf<Q> | undefined>;

/** Asks one query about each guardian in turn; the answers of those the registry holds. */
export async function askEachGuardian<Q extends DepartmentQuery<string, { idNumber: string }>>(
  form: ApplicationForm,
  ask: Ask,
  query: Q,
): Promise<AnswerOf<Q>[]> {
  const answers: AnswerOf<Q>[] = [];
  for (const { idNumber } of form.guardians) {
    const answer = await ask(query, { idNumber } as RequestOf<Q>);
    if (answer) answers.push(answer);
  }
  return answers;
}

/** Everything about one check; the registry (./index.ts) lists them and all else derives from it. */
export interface CheckDescriptor<
  C extends string = string,
  A extends string = string,
  Q extends DepartmentQuery = DepartmentQuery,
> {
  readonly check: C;
  /** The Temporal activity that runs it; part of recorded histories, so never renamed. */
  readonly activity: A;
  /** Whether a form calls for this check (the workflow fans out over those that do). */
  readonly appliesTo: (form: ApplicationForm) => boolean;
  /** Every department query `verify` may ask. */
  readonly queries: readonly Q[];
  /** Which queries to ask, in order, and the outcome and evidence derived from their answers. */
  readonly verify: (form: ApplicationForm, ask: Ask) => Promise<CheckResult>;
  /** For the family: what was checked, and the document that proves it at a review. */
  readonly family: { readonly subject: Bilingual; readonly document: Bilingual };
  /** For the reviewer: which registry was asked, and what it was compared on. */
  readonly reviewer: Bilingual;
  /**
   * For a check added after cases were recorded: the Temporal patch id that guards its activity,
   * so a case that started before it replays without it (the workflow asks `patched(since)`).
   */
  readonly since?: string;
}

/** Keeps a descriptor's names and queries as literal types for the derived maps and contract. */
export function defineCheck<
  const C extends string,
  const A extends string,
  const Q extends DepartmentQuery,
>(descriptor: CheckDescriptor<C, A, Q>): CheckDescriptor<C, A, Q> {
  return descriptor;
}
