import type { CheckOutcome } from '../enrolment';

/** What the 公安 registry said about a person, without the ID number itself. */
export interface IdentityEvidence {
  readonly found: boolean;
  readonly name?: string;
  readonly gender?: 'MALE' | 'FEMALE';
  readonly birthDate?: string;
  readonly divisionCode?: string;
  readonly alive?: boolean;
}

export interface CheckResult {
  readonly outcome: CheckOutcome;
  readonly mismatchedFields: string[];
  readonly evidence: IdentityEvidence | { readonly reason: string };
}

export interface StatedIdentity {
  readonly name: string;
  readonly gender: 'MALE' | 'FEMALE';
  readonly birthDate: string;
}

/** Compares the family's statement with the registry; every disagreeing field is named. */
export function identityOutcome(stated: StatedIdentity, registry: IdentityEvidence): CheckResult {
  if (!registry.found) return { outcome: 'NOT_FOUND', mismatchedFields: [], evidence: registry };
  const mismatchedFields: string[] = (['name', 'gender', 'birthDate'] as const).filter(
    (f) => registry[f] !== stated[f],
  );
  if (registry.alive === false) mismatchedFields.push('alive');
  return {
    outcome: mismatchedFields.length ? 'MISMATCH' : 'MATCH',
    mismatchedFields,
    evidence: registry,
  };
}
