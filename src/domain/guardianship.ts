import type { CheckOutcome } from './enrolment';
import type { Check } from './verification/checks';

/*
 * Guardianship (issue 13): how many cases one account may hold, and whether the registry has
 * confirmed that the guardians are the child's. Who may submit at all is `namesGuardian` in
 * application-identity.ts, beside the keyed hash it compares.
 */

/** A case's checks by name, as far as these rules read them. */
type CheckOutcomes = Partial<Record<Check, { readonly outcome: CheckOutcome }>>;

/** Live cases one account may hold at once when no policy says otherwise. */
export const DEFAULT_LIVE_CASES_PER_ACCOUNT = 3;

/**
 * The registry confirmed the guardians' relation to the child (the RELATION check). Until then
 * the applicant is not known to be the child's guardian, and the family's view shows nothing the
 * registries hold (domain/family-case-view.ts).
 */
export function guardianConfirmed(checks: CheckOutcomes): boolean {
  return checks.RELATION?.outcome === 'MATCH';
}

/**
 * A case whose relation check did not confirm the guardians goes to a registration point instead
 * of review. A case from before the check (no RELATION result) keeps the course it had.
 */
export function relationUnconfirmed(checks: CheckOutcomes): boolean {
  return checks.RELATION !== undefined && checks.RELATION.outcome !== 'MATCH';
}
