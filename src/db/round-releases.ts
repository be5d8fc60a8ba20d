import type { PlacedResult } from '../domain/allocation/later-rounds';
import type { Db } from './prisma-client';

/*
 * What a later round (补录) counts on beside its own applicants: the places earlier rounds
 * released that their waitlists did not fill, and the earlier rounds' placements. Its
 * verification reads both again (round-repository.ts, publishedRound).
 */

/**
 * Claims for a later round the places its earlier rounds released that their waitlists did not
 * fill (UNFILLED, a final state for the chain), and counts them per school.
 */
export async function claimReleases(
  db: Db,
  roundId: string,
  earlierRoundIds: readonly string[],
): Promise<Map<string, number>> {
  await db.releasedPlace.updateMany({
    where: { roundId: { in: [...earlierRoundIds] }, state: 'UNFILLED', reallocatedIn: null },
    data: { reallocatedIn: roundId },
  });
  return releasesOf(db, roundId);
}

/** The released places a later round counted, per school. */
export async function releasesOf(db: Db, roundId: string): Promise<Map<string, number>> {
  const rows = await db.releasedPlace.groupBy({
    by: ['schoolId'],
    where: { reallocatedIn: roundId },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.schoolId, r._count._all]));
}

/** Each round's results as published now, placements only. */
export async function placements(
  db: Db,
  roundIds: readonly string[],
): Promise<Map<string, PlacedResult[]>> {
  const rows = await db.admissionResult.findMany({
    where: { roundId: { in: [...roundIds] } },
    select: { roundId: true, applicationNo: true, placement: true },
  });
  const byRound = new Map<string, PlacedResult[]>(roundIds.map((id) => [id, []]));
  for (const r of rows)
    byRound.get(r.roundId)!.push({
      applicantId: r.applicationNo,
      placement: r.placement as unknown as PlacedResult['placement'],
    });
  return byRound;
}
