import type { Stage } from '../enrolment';
import { warningKey } from './county-warnings';
import type { PastSeason } from './forecast';

/**
 * Completed seasons (a round drawn for the stage) per school: its first choices, zero included,
 * and the share of the stage's first choices that went to private schools that season.
 */
export function pastSeasons(
  choices: readonly { seasonYear: number; schoolId: string; count: number }[],
  schools: readonly { id: string; stage: Stage }[],
  privateIds: ReadonlySet<string>,
  drawn: ReadonlySet<string>,
): Map<string, PastSeason[]> {
  const stageOf = new Map(schools.map((s) => [s.id, s.stage]));
  const bySchool = new Map<string, number>();
  const totals = new Map<string, { all: number; private: number }>();
  for (const c of choices) {
    const stage = stageOf.get(c.schoolId);
    if (!stage || !drawn.has(`${stage}/${c.seasonYear}`)) continue;
    const k = warningKey(c.schoolId, c.seasonYear);
    bySchool.set(k, (bySchool.get(k) ?? 0) + c.count);
    const t = totals.get(`${stage}/${c.seasonYear}`) ?? { all: 0, private: 0 };
    t.all += c.count;
    if (privateIds.has(c.schoolId)) t.private += c.count;
    totals.set(`${stage}/${c.seasonYear}`, t);
  }
  const history = new Map<string, PastSeason[]>();
  for (const key of drawn) {
    const [stage, season] = key.split('/');
    const t = totals.get(key) ?? { all: 0, private: 0 };
    for (const s of schools.filter((x) => x.stage === stage)) {
      const seasonYear = Number(season);
      history.set(s.id, [
        ...(history.get(s.id) ?? []),
        {
          seasonYear,
          applications: bySchool.get(warningKey(s.id, seasonYear)) ?? 0,
          privateShare: t.all ? t.private / t.all : 0,
        },
      ]);
    }
  }
  return history;
}
