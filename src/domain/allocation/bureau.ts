import type { Candidates, HeldLists } from './candidates';
import type { AllocationSchool } from './model';
import { comparePriority } from './priority';

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * Bureau placement (统筹): the eligible no school admitted, best-ranked first, each to the nearest
 * school with room left (ties to the lower school id); not those that already hold a place, who
 * keep it. Answers applicant id → school id.
 */
export function placeByBureau(
  c: Candidates,
  schools: readonly AllocationSchool[],
  held: HeldLists,
  admitted: ReadonlyMap<string, unknown>,
): Map<string, string> {
  const room = new Map(schools.map((s) => [s.id, s.capacity - held.get(s.id)!.length]));
  const bureau = new Map<string, string>();
  const leftover = c.eligible
    .filter((a) => !admitted.has(a.id) && !a.holdsPlace)
    .map((a) => ({ a, key: c.bestKey(a) }))
    .sort((x, y) => comparePriority(x.key, y.key));
  const withRoom = schools.filter((s) => room.get(s.id)! > 0);
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
  return bureau;
}
