import type { CompactAdmission } from './compact-mechanisms';
import type { CompactRound } from './compact-round';
import type {
  AllocationResult,
  ApplicantChoice,
  ApplicantResult,
  Placement,
  PriorityKey,
} from './model';

/** The published results from the compact decisions, shaped exactly as the straightforward path's. */
export function compactResults(
  r: CompactRound,
  admission: CompactAdmission,
  bureau: Int32Array,
): AllocationResult {
  const { schools, applicants } = r.input;
  const cutoffs = schools.map((_, s) => {
    const end = admission.heldStart[s + 1]!;
    return end > admission.heldStart[s]! ? keyOf(r, admission.held[end - 1]!) : null;
  });
  let a = 0;
  const results = applicants.map((applicant): ApplicantResult => {
    if (!applicant.eligible)
      return { applicantId: applicant.id, placement: { result: 'NOT_PLACED' }, choices: [] };
    const result = resultOf(r, admission, bureau, cutoffs, a);
    a += 1;
    return result;
  });
  return { results, schools: schoolSummaries(r, admission, bureau, cutoffs) };
}

/** Eligible applicant a's placement and, per valid choice, their key against the cut-off. */
function resultOf(
  r: CompactRound,
  admission: CompactAdmission,
  bureau: Int32Array,
  cutoffs: readonly (PriorityKey | null)[],
  a: number,
): ApplicantResult {
  const { schools, applicants } = r.input;
  const admitted = admission.admitted[a]!;
  const schoolOf = (p: number): string => schools[r.proposalSchool[p]!]!.id;
  const placement: Placement =
    admitted >= 0
      ? {
          result: 'ADMITTED',
          schoolId: schoolOf(admitted),
          choiceRank: admitted - r.choiceStart[a]! + 1,
        }
      : bureau[a]! >= 0
        ? { result: 'ASSIGNED_BY_BUREAU', schoolId: schools[bureau[a]!]!.id }
        : { result: 'NOT_PLACED' };
  const choices = [];
  for (let p = r.choiceStart[a]!; p < r.choiceStart[a + 1]!; p += 1)
    choices.push({
      schoolId: schoolOf(p),
      obtained: admitted >= 0 && r.proposalSchool[admitted] === r.proposalSchool[p],
      own: keyOf(r, p),
      cutoff: cutoffs[r.proposalSchool[p]!] ?? null,
    });
  return { applicantId: applicants[r.eligible[a]!]!.id, placement, choices };
}

function choiceOf(r: CompactRound, p: number): { a: number; choice: ApplicantChoice } {
  const a = r.rankToApplicant[r.proposalKey[p]! % r.eligible.length]!;
  return { a, choice: r.input.applicants[r.eligible[a]!]!.choices[r.proposalChoice[p]!]! };
}

function keyOf(r: CompactRound, p: number): PriorityKey {
  const { a, choice } = choiceOf(r, p);
  return {
    tier: choice.tier,
    qualifyingDate: choice.qualifyingDate,
    contributionMonths: choice.contributionMonths,
    lottery: r.lottery[a]!,
  };
}

function schoolSummaries(
  r: CompactRound,
  admission: CompactAdmission,
  bureau: Int32Array,
  cutoffs: readonly (PriorityKey | null)[],
): AllocationResult['schools'] {
  const bureauCount = new Int32Array(r.input.schools.length);
  for (const s of bureau) if (s >= 0) bureauCount[s] = bureauCount[s]! + 1;
  return r.input.schools.map((school, s) => {
    const admittedByTier: Record<string, number> = {};
    for (let i = admission.heldStart[s]!; i < admission.heldStart[s + 1]!; i += 1) {
      const tier = choiceOf(r, admission.held[i]!).choice.tier;
      admittedByTier[tier] = (admittedByTier[tier] ?? 0) + 1;
    }
    return {
      schoolId: school.id,
      capacity: school.capacity,
      admitted: admission.heldStart[s + 1]! - admission.heldStart[s]!,
      admittedByTier,
      bureau: bureauCount[s]!,
      cutoff: cutoffs[s] ?? null,
    };
  });
}
