/** The shapes of an admission round's allocation: its inputs, placements and published results. */
export type Mechanism = 'DEFERRED_ACCEPTANCE' | 'FIRST_CHOICE_FIRST';

export interface AllocationSchool {
  readonly id: string;
  readonly capacity: number;
  /** Where the school is, for "nearest" (any planar coordinates, e.g. projected metres). */
  readonly location: { readonly x: number; readonly y: number };
}

export interface ApplicantChoice {
  readonly schoolId: string;
  readonly tier: number;
  /** Earlier is better; null ranks after any date. */
  readonly qualifyingDate: string | null;
  /** More is better; null ranks after any number. */
  readonly contributionMonths: number | null;
}

export interface Applicant {
  readonly id: string;
  readonly eligible: boolean;
  /** In order of preference. */
  readonly choices: readonly ApplicantChoice[];
  readonly location: { readonly x: number; readonly y: number };
  /**
   * Already holds a place (an accepted appeal of a placement, domain/appeals.ts): competes for its
   * choices, which are only those ranked above that place, but the bureau does not place it again.
   */
  readonly holdsPlace?: boolean;
}

export interface AllocationInput {
  readonly schools: readonly AllocationSchool[];
  readonly applicants: readonly Applicant[];
  readonly mechanism: Mechanism;
  readonly seed: string;
}

/** The key a school ranks an applicant by; compare with `comparePriority`. */
export interface PriorityKey {
  readonly tier: number;
  readonly qualifyingDate: string | null;
  readonly contributionMonths: number | null;
  readonly lottery: string;
}

export type Placement =
  | { readonly result: 'ADMITTED'; readonly schoolId: string; readonly choiceRank: number }
  | { readonly result: 'ASSIGNED_BY_BUREAU'; readonly schoolId: string }
  | { readonly result: 'NOT_PLACED' };

export interface ChoiceExplanation {
  readonly schoolId: string;
  readonly obtained: boolean;
  readonly own: PriorityKey;
  /** The lowest-ranked applicant the school admitted (null: it admitted no one by this mechanism). */
  readonly cutoff: PriorityKey | null;
}

export interface ApplicantResult {
  readonly applicantId: string;
  readonly placement: Placement;
  readonly choices: readonly ChoiceExplanation[];
}

/**
 * The results of a round, one per applicant in the input's order, to be read one after another.
 * A compact round builds each when it is read: a million at once are eight million objects
 * (about 450 MiB, and 1.5 s of allocation and page faults), while every consumer reads them once,
 * a batch at a time (the published rows, the forecast, the verification).
 */
export interface ApplicantResults extends Iterable<ApplicantResult> {
  readonly length: number;
}

/** A round's allocation: its results as read one by one, and the schools' summary. */
export interface Allocation {
  readonly results: ApplicantResults;
  readonly schools: AllocationResult['schools'];
}

/** A round's allocation with every result built (`allocate`). */
export interface AllocationResult {
  readonly results: readonly ApplicantResult[];
  readonly schools: readonly {
    readonly schoolId: string;
    readonly capacity: number;
    readonly admitted: number;
    /** Admitted per tier, for the published summary. */
    readonly admittedByTier: Readonly<Record<string, number>>;
    readonly bureau: number;
    readonly cutoff: PriorityKey | null;
  }[];
}
