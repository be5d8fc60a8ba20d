import { seasonYearOf } from '../application-number';
import type { SchoolCatchment, VerifiedFacts } from './facts';
import type { PredicateName, PriorityPolicy } from './policy';
import { evaluatePredicate } from './predicates';

/** Why an applicant is not eligible, or what changed their tier, in words a family can read. */
export interface AssessmentNote {
  readonly code: 'IDENTITY_NOT_CONFIRMED' | 'TOO_YOUNG' | 'HOUSING_LOCKED';
  readonly zh: string;
  readonly en: string;
}

export interface SchoolPriority {
  readonly schoolId: string;
  readonly tier: number;
  readonly tierNameZh: string;
  readonly tierNameEn: string;
  readonly predicate: PredicateName;
  readonly evidence: readonly string[];
  /** Tie-break keys, in the policy's order: earlier date first, then more months. */
  readonly qualifyingDate: string | null;
  readonly contributionMonths: number | null;
}

export interface PriorityAssessment {
  readonly policyVersion: string;
  readonly eligible: boolean;
  readonly notes: readonly AssessmentNote[];
  /** One entry per chosen school, in the family's order; empty when not eligible. */
  readonly schools: readonly SchoolPriority[];
}

export interface AssessmentInput {
  readonly facts: VerifiedFacts;
  readonly choices: readonly SchoolCatchment[];
  readonly policy: PriorityPolicy;
  /** The season's age cut-off for the stage, YYYY-MM-DD. */
  readonly bornOnOrBefore: string;
}

/**
 * Eligibility and priority tier per chosen school, from verified facts only (DESIGN.md §5). The
 * first tier (by rank) any of whose predicates holds is the applicant's tier at that school.
 */
export function assessPriority({
  facts,
  choices,
  policy,
  bornOnOrBefore,
}: AssessmentInput): PriorityAssessment {
  const notes: AssessmentNote[] = [];
  if (!facts.identityConfirmed) {
    notes.push({
      code: 'IDENTITY_NOT_CONFIRMED',
      zh: '儿童身份信息未经公安数据核验确认。',
      en: "The child's identity has not been confirmed by the police registry.",
    });
  }
  if (facts.birthDate > bornOnOrBefore) {
    notes.push({
      code: 'TOO_YOUNG',
      zh: '儿童未达到入学年龄。',
      en: 'The child is below the entry age.',
    });
  }
  if (notes.length) return { policyVersion: policy.version, eligible: false, notes, schools: [] };

  const lock = facts.housingLock;
  const cutoff = `${facts.seasonYear}-08-31`;
  const homeUsable = !(lock && lock.lockedUntil >= cutoff);
  if (!homeUsable && lock) {
    // Only the year: the admission it served is another family's case, never named to this one.
    const year = seasonYearOf(lock.applicationNo);
    notes.push({
      code: 'HOUSING_LOCKED',
      zh: `该住房证明已用于 ${year} 年的入学录取,不能再作为住房类优先依据。`,
      en: `This housing certificate was used for an admission in ${year}; it cannot support a home-based priority.`,
    });
  }
  const ranked = [...policy.tiers].sort((a, b) => a.rank - b.rank);
  const schools = choices.map((school): SchoolPriority => {
    for (const tier of ranked) {
      for (const predicate of tier.predicates) {
        const result = evaluatePredicate(predicate, { facts, school, policy, homeUsable });
        if (result.holds) {
          return {
            schoolId: school.id,
            tier: tier.rank,
            tierNameZh: tier.nameZh,
            tierNameEn: tier.nameEn,
            predicate,
            evidence: result.evidence,
            qualifyingDate: result.qualifyingDate ?? null,
            contributionMonths: result.contributionMonths ?? null,
          };
        }
      }
    }
    throw new Error(`policy ${policy.version} has no catch-all tier (OTHER_ELIGIBLE)`);
  });
  return { policyVersion: policy.version, eligible: true, notes, schools };
}
