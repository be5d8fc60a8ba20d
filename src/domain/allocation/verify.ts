import { allocateRound } from './allocate';
import type { AllocationSchool, Applicant, ApplicantResult, Mechanism } from './model';
import { verifyBasis, type BasisEvidence, type RoundBasis } from './later-rounds';
import { applicantListHash, seedCommitment } from './lottery';

export interface PublishedRound {
  readonly seed: string;
  readonly seedCommitment: string;
  readonly applicantListHash: string;
  readonly mechanism: Mechanism;
  readonly schools: readonly AllocationSchool[];
  readonly applicants: readonly Applicant[];
  readonly results: readonly ApplicantResult[];
  /** A later round's starting point, and what to check it against (absent for a main round). */
  readonly later?: { readonly basis: RoundBasis; readonly evidence: BasisEvidence };
}

export interface Verification {
  readonly verdict: 'MATCH' | 'MISMATCH';
  readonly differences: readonly string[];
}

/**
 * Recomputes a round from what it published (seed, applicant list, schools) and compares: the
 * seed must be the one committed to, the list the one hashed, every placement the one announced;
 * a later round's capacities must follow from the earlier rounds' results and the releases.
 */
export function verifyRound(round: PublishedRound): Verification {
  const differences: string[] = [];
  if (seedCommitment(round.seed) !== round.seedCommitment)
    differences.push('the seed does not match its published commitment');
  if (applicantListHash(round.applicants.map((a) => a.id)) !== round.applicantListHash)
    differences.push('the applicant list does not match its published hash');
  const { results } = allocateRound({
    schools: round.schools,
    applicants: round.applicants,
    mechanism: round.mechanism,
    seed: round.seed,
  });
  const recomputed = new Map(Array.from(results, (r) => [r.applicantId, r.placement]));
  const published = new Map(round.results.map((r) => [r.applicantId, r.placement]));
  for (const [id, placement] of recomputed) {
    const announced = published.get(id);
    if (JSON.stringify(announced) !== JSON.stringify(placement)) {
      differences.push(
        `${id}: published ${JSON.stringify(announced ?? null)}, recomputed ${JSON.stringify(placement)}`,
      );
    }
  }
  for (const id of published.keys())
    if (!recomputed.has(id)) differences.push(`${id}: published but not in the applicant list`);
  if (round.later)
    differences.push(...verifyBasis(round.later.basis, round.later.evidence, round.schools));
  return { verdict: differences.length ? 'MISMATCH' : 'MATCH', differences };
}
