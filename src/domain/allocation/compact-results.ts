import type { CompactAdmission } from './compact-mechanisms';
import { keyOwner, type CompactRound } from './compact-round';
import type {
  Allocation,
  AllocationResult,
  ApplicantResult,
  ApplicantResults,
  ChoiceExplanation,
  Placement,
  PriorityKey,
} from './model';

/**
 * The published results from the compact decisions, shaped exactly as the straightforward path's.
 * The schools' summary is built at once; each applicant's result when it is read, in one pass,
 * with arrays of their final length and the placements, which only a school and a rank tell
 * apart, shared.
 */
export function compactResults(
  r: CompactRound,
  admission: CompactAdmission,
  bureau: ReadonlyMap<number, number>,
): Allocation {
  const cutoffs = r.input.schools.map((_, s) => {
    const end = admission.heldStart[s + 1]!;
    if (end === admission.heldStart[s]) return null;
    const p = admission.held[end - 1]!;
    return keyOf(r, keyOwner(r, r.proposalKey[p]!), p);
  });
  return {
    results: new CompactResults(r, admission, bureau, cutoffs),
    schools: schoolSummaries(r, admission, bureau, cutoffs),
  };
}

/** Each applicant's result, built as it is read (input order). */
class CompactResults implements ApplicantResults {
  readonly length: number;
  private readonly placements: SharedPlacements;

  constructor(
    private readonly r: CompactRound,
    private readonly admission: CompactAdmission,
    private readonly bureau: ReadonlyMap<number, number>,
    private readonly cutoffs: readonly (PriorityKey | null)[],
  ) {
    this.length = r.input.applicants.length;
    this.placements = new SharedPlacements(r.input.schools.map((s) => s.id));
  }

  *[Symbol.iterator](): Iterator<ApplicantResult> {
    const { r, admission, bureau, placements, cutoffs } = this;
    const applicants = r.input.applicants;
    for (let i = 0, a = 0; i < applicants.length; i += 1) {
      const applicant = applicants[i]!;
      yield applicant.eligible
        ? resultOf(r, admission.admitted[a]!, bureau.get(a) ?? -1, placements, cutoffs, a++)
        : { applicantId: applicant.id, placement: NOT_PLACED, choices: [] };
    }
  }
}

const NOT_PLACED: Placement = { result: 'NOT_PLACED' };

/** One placement object per school and choice rank, and per school for the bureau's. */
class SharedPlacements {
  private readonly admitted: Placement[][];
  private readonly byBureau: Placement[];

  constructor(private readonly schoolIds: readonly string[]) {
    this.admitted = schoolIds.map(() => []);
    this.byBureau = schoolIds.map((schoolId) => ({ result: 'ASSIGNED_BY_BUREAU', schoolId }));
  }

  admittedTo(school: number, choiceRank: number): Placement {
    const ranks = this.admitted[school]!;
    return (ranks[choiceRank] ??= {
      result: 'ADMITTED',
      schoolId: this.schoolIds[school]!,
      choiceRank,
    });
  }

  placedByBureau(school: number): Placement {
    return this.byBureau[school]!;
  }
}

/** Eligible applicant a's placement and, per valid choice, their key against the cut-off. */
function resultOf(
  r: CompactRound,
  admitted: number,
  bureau: number,
  placements: SharedPlacements,
  cutoffs: readonly (PriorityKey | null)[],
  a: number,
): ApplicantResult {
  const { schools, applicants } = r.input;
  const from = r.choiceStart[a]!;
  const placement =
    admitted >= 0
      ? placements.admittedTo(r.proposalSchool[admitted]!, admitted - from + 1)
      : bureau >= 0
        ? placements.placedByBureau(bureau)
        : NOT_PLACED;
  const choices = new Array<ChoiceExplanation>(r.choiceStart[a + 1]! - from);
  for (let p = from; p < from + choices.length; p += 1) {
    const s = r.proposalSchool[p]!;
    choices[p - from] = {
      schoolId: schools[s]!.id,
      obtained: admitted >= 0 && r.proposalSchool[admitted] === s,
      own: keyOf(r, a, p),
      cutoff: cutoffs[s] ?? null,
    };
  }
  return { applicantId: applicants[r.eligible[a]!]!.id, placement, choices };
}

/** The priority key of eligible applicant a's proposal p. */
function keyOf(r: CompactRound, a: number, p: number): PriorityKey {
  const choice = r.input.applicants[r.eligible[a]!]!.choices[r.proposalChoice[p]!]!;
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
  bureau: ReadonlyMap<number, number>,
  cutoffs: readonly (PriorityKey | null)[],
): AllocationResult['schools'] {
  const bureauCount = new Int32Array(r.input.schools.length);
  for (const s of bureau.values()) bureauCount[s] = bureauCount[s]! + 1;
  return r.input.schools.map((school, s) => {
    const admittedByTier: Record<string, number> = {};
    for (let i = admission.heldStart[s]!; i < admission.heldStart[s + 1]!; i += 1) {
      const tier = r.tiers[r.proposalTier[admission.held[i]!]!]!;
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
