import { createHash } from 'node:crypto';
import type { AllocationSchool, Placement } from './model';

/*
 * A season's rounds (DESIGN.md §5): the main round, then 补录 (supplementary) rounds over the
 * children still unplaced, the cases approved since, and the places still free. A later round
 * names what it starts from — each earlier round's id and result hash, and per school the
 * arithmetic of its capacity — so anyone can recompute it from the earlier rounds' results.
 */

/** One earlier round as a later round starts from it. */
export interface EarlierRound {
  readonly roundId: string;
  readonly resultHash: string;
}

/** A school's places in a later round: 招生计划, less the places taken, plus those released. */
export interface SchoolCapacity {
  readonly schoolId: string;
  readonly places: number;
  /** Placed (admitted or by the bureau) at the school in the season's earlier rounds. */
  readonly placedEarlier: number;
  /** Places of the earlier rounds released since and not refilled. */
  readonly released: number;
  readonly capacity: number;
}

/** What a later round starts from; a main round has none. */
export interface RoundBasis {
  readonly earlierRounds: readonly EarlierRound[];
  readonly schools: readonly SchoolCapacity[];
}

/** A published placement, as results and hashes read it. */
export interface PlacedResult {
  readonly applicantId: string;
  readonly placement: Placement;
}

/**
 * A hash of a round's results, free of their order and of how a store orders an object's keys:
 * one line `id|result|school` per child. A later round names it, verification checks it.
 */
export function roundResultHash(results: readonly PlacedResult[]): string {
  const school = (p: Placement) => (p.result === 'NOT_PLACED' ? '' : p.schoolId);
  const lines = results
    .map((r) => `${r.applicantId}|${r.placement.result}|${school(r.placement)}`)
    .sort();
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}

/** How many children each school placed over the given results. */
export function placedPerSchool(results: Iterable<PlacedResult>): Map<string, number> {
  const placed = new Map<string, number>();
  for (const { placement } of results)
    if (placement.result !== 'NOT_PLACED')
      placed.set(placement.schoolId, (placed.get(placement.schoolId) ?? 0) + 1);
  return placed;
}

/**
 * Each school's capacity in a later round. Never below zero: a school whose places were cut
 * below what it already gave keeps its children and takes no one new.
 */
export function laterRoundCapacity(
  schools: readonly { readonly id: string; readonly places: number }[],
  placedEarlier: ReadonlyMap<string, number>,
  released: ReadonlyMap<string, number>,
): SchoolCapacity[] {
  return schools.map((s) => {
    const placed = placedEarlier.get(s.id) ?? 0;
    const free = released.get(s.id) ?? 0;
    return {
      schoolId: s.id,
      places: s.places,
      placedEarlier: placed,
      released: free,
      capacity: Math.max(0, s.places - placed + free),
    };
  });
}

/**
 * What verification recomputes a later round's basis from. Plain records, not maps: a
 * verification is cached by the JSON of what it read, so every part must show in that JSON.
 */
export interface BasisEvidence {
  /** Each earlier round's results as published now, by round id. */
  readonly earlierResults: Readonly<Record<string, readonly PlacedResult[]>>;
  /** The releases the round counted at its freeze, per school id. */
  readonly released: Readonly<Record<string, number>>;
}

/**
 * Checks a later round's basis: each earlier round's results still hash as recorded, each
 * school's capacity follows from them and the releases, and the draw used those capacities.
 */
export function verifyBasis(
  basis: RoundBasis,
  evidence: BasisEvidence,
  drawnSchools: readonly AllocationSchool[],
): string[] {
  const differences: string[] = [];
  for (const { roundId, resultHash } of basis.earlierRounds) {
    const results = evidence.earlierResults[roundId];
    if (!results) differences.push(`earlier round ${roundId}: not found`);
    else if (roundResultHash(results) !== resultHash)
      differences.push(`earlier round ${roundId}: its results no longer match hash ${resultHash}`);
  }
  const placed = placedPerSchool(Object.values(evidence.earlierResults).flat());
  const expected = laterRoundCapacity(
    basis.schools.map((s) => ({ id: s.schoolId, places: s.places })),
    placed,
    new Map(Object.entries(evidence.released)),
  );
  const drawn = new Map(drawnSchools.map((s) => [s.id, s.capacity]));
  const fields = ['schoolId', 'places', 'placedEarlier', 'released', 'capacity'] as const;
  for (const [i, s] of basis.schools.entries()) {
    if (fields.some((f) => expected[i]![f] !== s[f]))
      differences.push(
        `school ${s.schoolId}: basis ${JSON.stringify(s)}, recomputed ${JSON.stringify(expected[i])}`,
      );
    if (drawn.get(s.schoolId) !== s.capacity)
      differences.push(
        `school ${s.schoolId}: drawn with ${drawn.get(s.schoolId) ?? 'no'} places, basis ${s.capacity}`,
      );
  }
  return differences;
}
