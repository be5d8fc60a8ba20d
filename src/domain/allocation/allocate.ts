import { lotteryNumber } from './lottery';

/**
 * Places applicants in schools for one county, stage and season (DESIGN.md §5): student-proposing
 * deferred acceptance over the families' ordered choices (or first-choice-first, 志愿优先), each
 * school ranking by tier, then the tie-break keys, then the lottery; the eligible left over are
 * placed by the bureau (统筹) in the nearest school with room. Pure and deterministic.
 */
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

/** Negative when `a` ranks before `b` at a school. */
export function comparePriority(a: PriorityKey, b: PriorityKey): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.qualifyingDate !== b.qualifyingDate) {
    if (a.qualifyingDate === null) return 1;
    if (b.qualifyingDate === null) return -1;
    return a.qualifyingDate < b.qualifyingDate ? -1 : 1;
  }
  if (a.contributionMonths !== b.contributionMonths) {
    if (a.contributionMonths === null) return 1;
    if (b.contributionMonths === null) return -1;
    return b.contributionMonths - a.contributionMonths;
  }
  return a.lottery < b.lottery ? -1 : a.lottery > b.lottery ? 1 : 0;
}

export function allocate(input: AllocationInput): AllocationResult {
  const schools = new Map(input.schools.map((s) => [s.id, s]));
  const eligible = input.applicants.filter((a) => a.eligible);
  const lottery = new Map(eligible.map((a) => [a.id, lotteryNumber(input.seed, a.id)]));
  // Choices of schools that are not in the round are ignored; each school counts once.
  const choicesOf = new Map(
    eligible.map((a) => {
      const seen = new Set<string>();
      return [
        a.id,
        a.choices.filter(
          (c) => schools.has(c.schoolId) && !seen.has(c.schoolId) && seen.add(c.schoolId),
        ),
      ];
    }),
  );
  const keyAt = (applicantId: string, choice: ApplicantChoice): PriorityKey => ({
    tier: choice.tier,
    qualifyingDate: choice.qualifyingDate,
    contributionMonths: choice.contributionMonths,
    lottery: lottery.get(applicantId)!,
  });

  const held = new Map<string, { applicantId: string; key: PriorityKey; rank: number }[]>(
    input.schools.map((s) => [s.id, []]),
  );
  if (input.mechanism === 'DEFERRED_ACCEPTANCE') deferredAcceptance();
  else firstChoiceFirst();

  function deferredAcceptance(): void {
    const nextChoice = new Map(eligible.map((a) => [a.id, 0]));
    const free = eligible.map((a) => a.id).reverse();
    while (free.length) {
      const applicantId = free.pop()!;
      const choices = choicesOf.get(applicantId)!;
      const rank = nextChoice.get(applicantId)!;
      if (rank >= choices.length) continue;
      nextChoice.set(applicantId, rank + 1);
      const choice = choices[rank]!;
      const list = held.get(choice.schoolId)!;
      insertInOrder(list, { applicantId, key: keyAt(applicantId, choice), rank });
      const capacity = schools.get(choice.schoolId)!.capacity;
      if (list.length > capacity) free.push(list.pop()!.applicantId);
    }
  }

  function firstChoiceFirst(): void {
    const placed = new Set<string>();
    // A loop, not Math.max(...): a million arguments would overflow the stack.
    let rounds = 0;
    for (const a of eligible) rounds = Math.max(rounds, choicesOf.get(a.id)!.length);
    for (let rank = 0; rank < rounds; rank += 1) {
      const proposals = new Map<
        string,
        { applicantId: string; key: PriorityKey; rank: number }[]
      >();
      for (const a of eligible) {
        const choice = choicesOf.get(a.id)![rank];
        if (placed.has(a.id) || !choice) continue;
        const list = proposals.get(choice.schoolId) ?? [];
        list.push({ applicantId: a.id, key: keyAt(a.id, choice), rank });
        proposals.set(choice.schoolId, list);
      }
      for (const [schoolId, list] of proposals) {
        const seats = schools.get(schoolId)!.capacity - held.get(schoolId)!.length;
        for (const accepted of list
          .sort((x, y) => comparePriority(x.key, y.key))
          .slice(0, Math.max(0, seats))) {
          held.get(schoolId)!.push(accepted);
          placed.add(accepted.applicantId);
        }
      }
    }
  }

  const admittedAt = new Map<string, { schoolId: string; rank: number }>();
  for (const [schoolId, list] of held)
    for (const h of list) admittedAt.set(h.applicantId, { schoolId, rank: h.rank });
  const cutoffs = new Map(
    [...held].map(([schoolId, list]) => [
      schoolId,
      list.length ? list[list.length - 1]!.key : null,
    ]),
  );

  // Bureau placement: the eligible left over, best-ranked first, to the nearest school with room.
  const room = new Map(input.schools.map((s) => [s.id, s.capacity - held.get(s.id)!.length]));
  const bureau = new Map<string, string>();
  const leftover = eligible
    .filter((a) => !admittedAt.has(a.id))
    .map((a) => ({ a, key: bestKey(a) }))
    .sort((x, y) => comparePriority(x.key, y.key));
  function bestKey(a: Applicant): PriorityKey {
    const keys = choicesOf.get(a.id)!.map((c) => keyAt(a.id, c));
    return (
      keys.sort(comparePriority)[0] ?? {
        tier: Number.MAX_SAFE_INTEGER,
        qualifyingDate: null,
        contributionMonths: null,
        lottery: lottery.get(a.id)!,
      }
    );
  }
  const withRoom = input.schools.filter((s) => room.get(s.id)! > 0);
  for (const { a } of leftover) {
    let nearest: AllocationSchool | undefined;
    for (const s of withRoom) {
      if (room.get(s.id)! <= 0) continue;
      const d = nearest
        ? distance(a.location, s.location) - distance(a.location, nearest.location)
        : -1;
      if (d < 0 || (d === 0 && s.id < nearest!.id)) nearest = s;
    }
    if (!nearest) break;
    room.set(nearest.id, room.get(nearest.id)! - 1);
    bureau.set(a.id, nearest.id);
  }
  const bureauCount = new Map<string, number>();
  for (const schoolId of bureau.values())
    bureauCount.set(schoolId, (bureauCount.get(schoolId) ?? 0) + 1);

  const results: ApplicantResult[] = input.applicants.map((a) => {
    if (!a.eligible) return { applicantId: a.id, placement: { result: 'NOT_PLACED' }, choices: [] };
    const admitted = admittedAt.get(a.id);
    const placement: Placement = admitted
      ? { result: 'ADMITTED', schoolId: admitted.schoolId, choiceRank: admitted.rank + 1 }
      : bureau.has(a.id)
        ? { result: 'ASSIGNED_BY_BUREAU', schoolId: bureau.get(a.id)! }
        : { result: 'NOT_PLACED' };
    return {
      applicantId: a.id,
      placement,
      choices: choicesOf.get(a.id)!.map((c) => ({
        schoolId: c.schoolId,
        obtained: admitted?.schoolId === c.schoolId,
        own: keyAt(a.id, c),
        cutoff: cutoffs.get(c.schoolId) ?? null,
      })),
    };
  });
  return {
    results,
    schools: input.schools.map((s) => ({
      schoolId: s.id,
      capacity: s.capacity,
      admitted: held.get(s.id)!.length,
      admittedByTier: countByTier(held.get(s.id)!),
      bureau: bureauCount.get(s.id) ?? 0,
      cutoff: cutoffs.get(s.id) ?? null,
    })),
  };
}

function countByTier(list: readonly { key: PriorityKey }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of list) counts[h.key.tier] = (counts[h.key.tier] ?? 0) + 1;
  return counts;
}

/** Keeps a school's held list sorted without re-sorting it on every proposal. */
function insertInOrder<T extends { key: PriorityKey }>(list: T[], item: T): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePriority(list[mid]!.key, item.key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
