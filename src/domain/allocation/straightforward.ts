import { Candidates, type HeldLists } from './candidates';
import { placeByBureau } from './bureau';
import { admitByChoice } from './mechanisms';
import type {
  AllocationInput,
  AllocationResult,
  Applicant,
  ApplicantResult,
  Placement,
  PriorityKey,
} from './model';

/**
 * The allocation as plainly written (maps and objects): the reference the compact path in
 * `allocate` must equal, and the path for rounds the compact form cannot hold.
 */
export function allocateStraightforward(input: AllocationInput): AllocationResult {
  const candidates = new Candidates(input);
  const held = admitByChoice(candidates, input.mechanism);
  const admittedAt = new Map<string, { schoolId: string; rank: number }>();
  for (const [schoolId, list] of held)
    for (const h of list) admittedAt.set(h.applicantId, { schoolId, rank: h.rank });
  const cutoffs = new Map(
    [...held].map(([schoolId, list]) => [
      schoolId,
      list.length ? list[list.length - 1]!.key : null,
    ]),
  );
  const bureau = placeByBureau(candidates, input.schools, held, admittedAt);
  const outcome = { candidates, admittedAt, bureau, cutoffs };
  return {
    results: input.applicants.map((a) => resultOf(a, outcome)),
    schools: schoolSummaries(input, held, bureau, cutoffs),
  };
}

/** What the allocation decided, as the results and summaries read it. */
interface Outcome {
  readonly candidates: Candidates;
  readonly admittedAt: ReadonlyMap<string, { schoolId: string; rank: number }>;
  readonly bureau: ReadonlyMap<string, string>;
  readonly cutoffs: ReadonlyMap<string, PriorityKey | null>;
}

/** One applicant's placement, and for each choice their own key against the school's cut-off. */
function resultOf(a: Applicant, o: Outcome): ApplicantResult {
  if (!a.eligible) return { applicantId: a.id, placement: { result: 'NOT_PLACED' }, choices: [] };
  const admitted = o.admittedAt.get(a.id);
  const placement: Placement = admitted
    ? { result: 'ADMITTED', schoolId: admitted.schoolId, choiceRank: admitted.rank + 1 }
    : o.bureau.has(a.id)
      ? { result: 'ASSIGNED_BY_BUREAU', schoolId: o.bureau.get(a.id)! }
      : { result: 'NOT_PLACED' };
  return {
    applicantId: a.id,
    placement,
    choices: o.candidates.choicesOf(a.id).map((c) => ({
      schoolId: c.schoolId,
      obtained: admitted?.schoolId === c.schoolId,
      own: o.candidates.keyAt(a.id, c),
      cutoff: o.cutoffs.get(c.schoolId) ?? null,
    })),
  };
}

function schoolSummaries(
  input: AllocationInput,
  held: HeldLists,
  bureau: ReadonlyMap<string, string>,
  cutoffs: ReadonlyMap<string, PriorityKey | null>,
): AllocationResult['schools'] {
  const bureauCount = new Map<string, number>();
  for (const schoolId of bureau.values())
    bureauCount.set(schoolId, (bureauCount.get(schoolId) ?? 0) + 1);
  return input.schools.map((s) => ({
    schoolId: s.id,
    capacity: s.capacity,
    admitted: held.get(s.id)!.length,
    admittedByTier: countByTier(held.get(s.id)!),
    bureau: bureauCount.get(s.id) ?? 0,
    cutoff: cutoffs.get(s.id) ?? null,
  }));
}

function countByTier(list: readonly { key: PriorityKey }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of list) counts[h.key.tier] = (counts[h.key.tier] ?? 0) + 1;
  return counts;
}
