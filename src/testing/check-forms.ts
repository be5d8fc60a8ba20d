import { applicationFormSchema, type ApplicationForm } from '../domain/forms/application-form';
import type { Ask, DepartmentQueryName } from '../domain/verification/checks';
import { buildResidentId } from '../simulator/population';
import { formBFor, formFor, guardianFor } from './forms';

/**
 * Forms and a stand-in department exchange for the unit tests of the checks
 * (src/domain/verification/checks): valid forms, as the API would have parsed them, and an `Ask`
 * that answers from a table and remembers what it was asked.
 */

export const CHILD = {
  name: '李小明',
  gender: 'MALE',
  birthDate: '2020-03-15',
  divisionCode: '450103',
  alive: true,
  idNumber: buildResidentId('450103', '2020-03-15', 7, 'MALE'),
} as const;
export const FATHER = guardianFor(1, 'FATHER');
export const MOTHER = guardianFor(2, 'MOTHER');

/** A parsed Form A (户籍类) of CHILD with both parents as guardians; overrides replace sections. */
export function formA(overrides: Record<string, unknown> = {}): ApplicationForm {
  return applicationFormSchema.parse(formFor(CHILD, { guardians: [FATHER, MOTHER], ...overrides }));
}

/** A parsed Form B (随迁子女) of CHILD with both parents as guardians. */
export function formB(overrides: Record<string, unknown> = {}): ApplicationForm {
  return applicationFormSchema.parse(
    formBFor(CHILD, { guardians: [FATHER, MOTHER], ...overrides }),
  );
}

export interface Asked {
  readonly query: DepartmentQueryName;
  readonly request: unknown;
}

/** How a department answers one query: its FOUND answer, or undefined when it has no record. */
type Answers = Partial<Record<DepartmentQueryName, (request: never) => unknown>>;

/** An exchange that answers from `answers` (undefined for a query it lacks) and logs each call. */
export function fakeExchange(answers: Answers): { ask: Ask; asked: Asked[] } {
  const asked: Asked[] = [];
  const ask = ((query: { name: DepartmentQueryName }, request: unknown) => {
    asked.push({ query: query.name, request });
    const answer = answers[query.name] as ((request: unknown) => unknown) | undefined;
    return Promise.resolve(answer?.(request));
  }) as Ask;
  return { ask, asked };
}
