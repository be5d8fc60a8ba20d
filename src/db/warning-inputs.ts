import { Prisma } from '../generated/prisma/client';
import type { PastSeason } from '../domain/forecast/forecast';
import { pastSeasons } from '../domain/forecast/history';
import {
  DEFAULT_TAKE_UP,
  warningKey,
  type LiveDemand,
  type WarningSchool,
} from '../domain/forecast/county-warnings';
import { DEFAULT_THRESHOLDS, type WarningThresholds } from '../domain/forecast/warning-levels';
import type { Db } from './prisma-client';

/*
 * What a computation of a county's early warning reads (docs/early-warning.md): its thresholds,
 * schools and places, and the first choices of past and live seasons.
 */

/** Cases that no longer ask for a place (as the bureau reports count them). */
const CLOSED = Prisma.sql`('WITHDRAWN', 'EXPIRED', 'CANCELLED', 'REJECTED')`;

export interface WarningPolicyData extends WarningThresholds {
  readonly defaultTakeUp: number;
}

/** What one computation of a county's warnings reads from the read model. */
export interface CountyWarningData {
  readonly cityCode: string;
  readonly schools: readonly (WarningSchool & { readonly nameZh: string })[];
  readonly policy: WarningPolicyData;
  readonly history: Map<string, PastSeason[]>;
  readonly liveSeasons: Set<string>;
  readonly liveDemand: Map<string, LiveDemand>;
}

/** The county's thresholds, or the defaults while it has set none. */
export async function warningPolicy(db: Db, countyCode: string): Promise<WarningPolicyData> {
  const row = await db.warningPolicy.findUnique({ where: { countyCode } });
  if (!row) return { ...DEFAULT_THRESHOLDS, defaultTakeUp: DEFAULT_TAKE_UP };
  const { yellow, orange, red, defaultTakeUp } = row;
  return { yellow, orange, red, defaultTakeUp };
}

/**
 * The inputs of a county's computation at `now`: schools and places, thresholds, the first
 * choices of past seasons whose round was drawn (take-up is learned from complete seasons only)
 * and of seasons whose registration window has opened (the live demand).
 */
export async function countyWarningData(
  db: Db,
  countyCode: string,
  now: Date,
): Promise<CountyWarningData> {
  const [county, schools, policy, choices, windows, rounds] = await Promise.all([
    db.county.findUniqueOrThrow({ where: { code: countyCode }, select: { cityCode: true } }),
    db.school.findMany({
      where: { countyCode },
      select: {
        id: true,
        stage: true,
        places: true,
        nameZh: true,
        type: true,
        catchmentUnits: true,
        feederPrimaryIds: true,
      },
      orderBy: { id: 'asc' },
    }),
    warningPolicy(db, countyCode),
    firstChoices(db, countyCode),
    db.registrationWindow.findMany({ where: { countyCode, opensAt: { lte: now } } }),
    db.admissionRound.findMany({
      where: { countyCode, status: { in: ['DRAWN', 'PUBLISHED'] } },
      select: { stage: true, seasonYear: true },
    }),
  ]);
  const stageOf = new Map(schools.map((s) => [s.id, s.stage]));
  const privateIds = new Set(schools.filter((s) => s.type === 'PRIVATE').map((s) => s.id));
  const liveSeasons = new Set(windows.map((w) => `${w.stage}/${w.seasonYear}`));
  const drawn = new Set(rounds.map((r) => `${r.stage}/${r.seasonYear}`));
  const liveDemand = new Map<string, LiveDemand>();
  for (const c of choices) {
    const stage = stageOf.get(c.schoolId);
    if (!stage || !liveSeasons.has(`${stage}/${c.seasonYear}`)) continue;
    const k = warningKey(c.schoolId, c.seasonYear);
    const d = liveDemand.get(k) ?? { firstChoice: 0, byTier: {} };
    liveDemand.set(k, {
      firstChoice: d.firstChoice + c.count,
      byTier: { ...d.byTier, [c.tier]: (d.byTier[c.tier] ?? 0) + c.count },
    });
  }
  return {
    cityCode: county.cityCode,
    schools,
    policy,
    history: pastSeasons(choices, schools, privateIds, drawn),
    liveSeasons,
    liveDemand,
  };
}

/** Live first choices per season, school and tier (closed cases aside). */
async function firstChoices(db: Db, countyCode: string) {
  const rows = await db.$queryRaw<
    { season_year: number; school_id: string; tier: string; n: bigint }[]
  >`
    SELECT a.season_year, x.choice->>'schoolId' AS school_id,
           coalesce(x.choice->>'tier', '9') AS tier, count(*) AS n
    FROM application a
    JOIN eligibility_assessment e ON e.application_no = a.application_no
    CROSS JOIN LATERAL jsonb_array_elements(e.schools) WITH ORDINALITY AS x(choice, ord)
    WHERE a.county_code = ${countyCode} AND x.ord = 1 AND a.status::text NOT IN ${CLOSED}
    GROUP BY 1, 2, 3`;
  return rows.map((r) => ({
    seasonYear: r.season_year,
    schoolId: r.school_id,
    tier: r.tier,
    count: Number(r.n),
  }));
}
