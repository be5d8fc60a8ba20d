import { placeByBureauCompact } from './compact-bureau';
import { admitCompact } from './compact-mechanisms';
import { compactResults } from './compact-results';
import { compactRound } from './compact-round';
import type { Allocation, AllocationInput, AllocationResult } from './model';
import { allocateStraightforward } from './straightforward';

/**
 * Places applicants in schools for one county, stage and season (DESIGN.md §5): student-proposing
 * deferred acceptance over the families' ordered choices (or first-choice-first, 志愿优先), each
 * school ranking by tier, then the tie-break keys, then the lottery; the eligible left over are
 * placed by the bureau (统筹) in the nearest school with room. Pure and deterministic.
 *
 * It runs on a compact, typed-array form of the round (a province's million applicants in
 * seconds), whose results are built as they are read; `allocateStraightforward` is the same rules
 * written plainly, the reference the property tests hold it to, and the path for a round the
 * compact form cannot represent.
 */
export function allocateRound(input: AllocationInput): Allocation {
  const round = compactRound(input);
  if (!round) return allocateStraightforward(input);
  const admission = admitCompact(round, input.mechanism);
  return compactResults(round, admission, placeByBureauCompact(round, admission));
}

/** The allocation with every result built, for a round small enough to hold them all at once. */
export function allocate(input: AllocationInput): AllocationResult {
  const { results, schools } = allocateRound(input);
  return { results: Array.from(results), schools };
}
