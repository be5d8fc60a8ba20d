import type { CheckOutcome } from './enrolment';
import type { AutoFilledField } from './eligibility/facts-from-checks';
import { guardianConfirmed } from './guardianship';
import type { Check } from './verification/checks';
import { summariseCheck, type CheckSummary } from './verification/family-summary';

export interface SchoolTier {
  readonly schoolId: string;
  readonly tier: number;
  readonly tierNameZh: string;
  readonly tierNameEn: string;
  /** Which of the tier's rules placed the child there. */
  readonly predicate: string;
}

/** What the read model holds about a case that the family's view is made from. */
export interface FamilyCaseFacts {
  readonly verifications: readonly { readonly check: string; readonly outcome: CheckOutcome }[];
  readonly assessment: {
    readonly eligible: boolean;
    readonly notes: unknown;
    readonly schools: readonly SchoolTier[];
    readonly autoFill: readonly AutoFilledField[];
  } | null;
  /** The last check in person at a registration point, where staff saw the household booklet. */
  readonly offlineCheck: { readonly outcome: string } | null;
  readonly admission: unknown;
}

export interface FamilyCaseView {
  readonly guardianship: { readonly confirmed: boolean; readonly zh: string; readonly en: string };
  readonly verification: (CheckSummary & { readonly outcome: CheckOutcome })[];
  readonly priority: {
    readonly eligible: boolean;
    readonly notes: unknown;
    readonly schools: SchoolTier[];
  } | null;
  readonly registryCorrections: AutoFilledField[];
  readonly admission: unknown;
}

const CONFIRMED = {
  confirmed: true,
  zh: '已通过部门数据确认您是该儿童的监护人。',
  en: "The department's records confirm the guardians are the child's.",
} as const;

const NOT_CONFIRMED = {
  confirmed: false,
  zh: '尚未能在线确认所填监护人与儿童的关系,在此之前不显示任何部门登记信息。请携带户口簿(或出生医学证明)和监护人身份证到报名点现场核验。',
  en: "We have not been able to confirm online that the guardians named are the child's, and show no registry details until then. Please bring the hukou booklet (or the birth certificate) and the guardian's ID card to a registration point.",
} as const;

/**
 * What a family reads about its case (issue 13). Until the registry confirms the guardians are
 * the child's, nothing the registries hold is shown: no check outcomes (they would tell whether a
 * name belongs to an ID number), no tiers, no corrections, only what to bring to a registration
 * point. Staff who verified the case in person (household booklet seen) confirm it too. Reviewers keep the full evidence (api/cases/case-views.ts `officialView`).
 */
export function familyCaseView(facts: FamilyCaseFacts): FamilyCaseView {
  const seenInPerson = facts.offlineCheck?.outcome === 'VERIFIED';
  if (
    !guardianConfirmed(Object.fromEntries(facts.verifications.map((v) => [v.check, v]))) &&
    !seenInPerson
  )
    return {
      guardianship: NOT_CONFIRMED,
      verification: [],
      priority: null,
      registryCorrections: [],
      admission: facts.admission,
    };
  const { assessment } = facts;
  return {
    guardianship: CONFIRMED,
    verification: facts.verifications.map((v) => ({
      ...summariseCheck(v.check as Check, v.outcome),
      outcome: v.outcome,
    })),
    priority: assessment && {
      eligible: assessment.eligible,
      notes: assessment.notes,
      schools: assessment.schools.map(({ schoolId, tier, tierNameZh, tierNameEn, predicate }) => ({
        schoolId,
        tier,
        tierNameZh,
        tierNameEn,
        predicate,
      })),
    },
    registryCorrections: (assessment?.autoFill ?? []).filter((f) => !f.agrees),
    admission: facts.admission,
  };
}
