import type { CompactAdmission } from './compact-mechanisms';
import { keyOwner, type CompactRound } from './compact-round';

/**
 * Bureau placement (统筹) over the compact round, as `placeByBureau`: the eligible no school
 * admitted and holding no place already, best-ranked first, each to the nearest school with room
 * left (ties to the lower school id). Answers the school index of each eligible applicant it
 * placed (a map rather than an array of a million: few are left over, and the arrays' memory
 * counts towards V8's next full collection, see `validProposals`).
 */
export function placeByBureauCompact(
  r: CompactRound,
  admission: CompactAdmission,
): Map<number, number> {
  const schools = r.input.schools;
  const room = Float64Array.from(schools, (s, i) => {
    return s.capacity - (admission.heldStart[i + 1]! - admission.heldStart[i]!);
  });
  const sx = Float64Array.from(schools, (s) => s.location.x);
  const sy = Float64Array.from(schools, (s) => s.location.y);
  // Schools with room, in any order: the nearest (then lowest id) does not depend on it.
  const open = Int32Array.from(schools.keys()).filter((s) => room[s]! > 0);
  let openCount = open.length;
  const bureau = new Map<number, number>();
  for (const key of leftoverKeys(r, admission.admitted)) {
    if (openCount === 0) break;
    const a = keyOwner(r, key);
    const { x, y } = r.input.applicants[r.eligible[a]!]!.location;
    let nearest = -1;
    let nearestDistance = Infinity;
    for (let i = 0; i < openCount; i += 1) {
      const s = open[i]!;
      const d = Math.hypot(x - sx[s]!, y - sy[s]!);
      if (
        nearest < 0 ||
        d < nearestDistance ||
        (d === nearestDistance && schools[s]!.id < schools[open[nearest]!]!.id)
      ) {
        nearest = i;
        nearestDistance = d;
      }
    }
    const s = open[nearest]!;
    bureau.set(a, s);
    room[s] = room[s]! - 1;
    if (room[s] <= 0) open[nearest] = open[--openCount]!;
  }
  return bureau;
}

/** The best key of each applicant no school admitted, sorted: the order the bureau serves them. */
function leftoverKeys(r: CompactRound, admitted: Int32Array): Float64Array {
  const E = r.eligible.length;
  const keys: number[] = [];
  for (let rank = 0; rank < E; rank += 1) {
    const a = r.rankToApplicant[rank]!;
    if (admitted[a]! >= 0 || r.input.applicants[r.eligible[a]!]!.holdsPlace) continue;
    const from = r.choiceStart[a]!;
    const to = r.choiceStart[a + 1]!;
    let best = from < to ? r.proposalKey[from]! : r.noChoiceGroup * E + rank;
    for (let p = from + 1; p < to; p += 1) best = Math.min(best, r.proposalKey[p]!);
    keys.push(best);
  }
  return Float64Array.from(keys).sort();
}
