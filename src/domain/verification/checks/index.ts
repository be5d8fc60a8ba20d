import type { ApplicationForm } from '../../forms/application-form';
import type { CheckDescriptor, DepartmentQuery } from './check';
import { householdCheck } from './household';
import { identityCheck } from './identity';
import { propertyCheck } from './property';
import { relationCheck } from './relation';
import { residencePermitCheck } from './residence-permit';
import { socialInsuranceCheck } from './social-insurance';

/**
 * The registry of department checks: one entry per check, each described in its own module.
 * Activity names, the workflow's fan-out, the activities and the data-sharing contract's
 * endpoints derive from this table. Its order is the order a case schedules its checks in, which
 * recorded histories replay: append new checks, never reorder.
 *
 * A check appended after cases were recorded names its patch (`since`), which the workflow's
 * fan-out asks before scheduling it.
 *
 * Adding a check: its module here (a `defineCheck` like ./household.ts), its entry in this table,
 * the wire schema of any new department query in integration/data-sharing/contracts.ts, and the
 * simulator's answer to it in simulator/registries.ts (with records in simulator/family-records.ts
 * and family-draw.ts if the population has none of that kind). The compiler and registry.test.ts point at what is missing.
 */
export const CHECK_REGISTRY = [
  identityCheck,
  householdCheck,
  propertyCheck,
  residencePermitCheck,
  socialInsuranceCheck,
  relationCheck,
] as const;

type Registered = (typeof CHECK_REGISTRY)[number];
export type Check = Registered['check'];
export type CheckActivityName = Registered['activity'];

export const CHECKS = CHECK_REGISTRY.map((d) => d.check);

const DESCRIPTOR = new Map<string, CheckDescriptor>(CHECK_REGISTRY.map((d) => [d.check, d]));

export function descriptorOf(check: Check): CheckDescriptor {
  return DESCRIPTOR.get(check)!;
}

/** The activity that runs each check. */
export const CHECK_ACTIVITY = Object.fromEntries(
  CHECK_REGISTRY.map((d) => [d.check, d.activity]),
) as { readonly [D in Registered as D['check']]: D['activity'] };

/**
 * Which checks a form calls for, in the registry's order. `since` answers whether a case runs a
 * check added later (the workflow's `patched`); by default every check is run.
 */
export function checksFor(
  form: ApplicationForm,
  since: (patchId: string) => boolean = () => true,
): Check[] {
  return CHECK_REGISTRY.filter(
    (d: CheckDescriptor) => d.appliesTo(form) && (d.since === undefined || since(d.since)),
  ).map((d) => d.check);
}

/** Every department query some check asks, each once. */
export const DEPARTMENT_QUERY_LIST: readonly DepartmentQuery[] = [
  ...new Map(
    CHECK_REGISTRY.flatMap((d): readonly DepartmentQuery[] => d.queries).map((q) => [q.name, q]),
  ).values(),
];
type QueriesOf<D> = D extends { readonly queries: readonly (infer Q)[] } ? Q : never;
export type RegisteredQuery = QueriesOf<Registered>;
export type DepartmentQueryName = RegisteredQuery['name'];

export type {
  Bilingual,
  CheckDescriptor,
  CheckResult,
  CheckResultsByName,
  DepartmentQuery,
  Ask,
} from './check';
export type { AnswerOf, RequestOf } from './check';
export { identityOutcome, type IdentityEvidence, type StatedIdentity } from './identity';
export { householdOutcome, type HouseholdEvidence, type RegistryHousehold } from './household';
export { propertyOutcome, type PropertyEvidence, type RegistryProperty } from './property';
export {
  residencePermitOutcome,
  type PermitEvidence,
  type RegistryPermit,
} from './residence-permit';
export { relationOutcome, type RelationEvidence } from './relation';
export {
  socialInsuranceOutcome,
  type InsuranceEvidence,
  type RegistryInsurance,
} from './social-insurance';
