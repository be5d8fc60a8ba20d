import { Prisma } from '../generated/prisma/client';
import type { Stage } from '../domain/enrolment';
import type { Db } from './prisma-client';

export interface ReportScope {
  readonly countyCode: string;
  readonly stage: Stage;
  readonly seasonYear: number;
}

/** Cases that no longer ask for a place: they count as submissions, not as demand. */
const CLOSED = Prisma.sql`('WITHDRAWN', 'EXPIRED', 'CANCELLED', 'REJECTED')`;

/** Calendar days as the bureaus keep them. */
const ZONE = 'Asia/Shanghai';

/**
 * The bureau reports' figures (issue 15), counted in the read model by SQL: aggregates only, no
 * personal field is selected. A case's school choices are read from its assessment (the order the
 * family gave), so a case counts in demand once its checks have been assessed.
 */
export class ReportRepository {
  constructor(private readonly db: Db) {}

  async demand(scope: ReportScope) {
    const rows = await this.db.$queryRaw<
      { school_id: string; name_zh: string; places: number; first: bigint; any: bigint }[]
    >`
      SELECT s.id AS school_id, s.name_zh, s.places,
             count(c.application_no) FILTER (WHERE c.ord = 1) AS first,
             count(c.application_no) AS any
      FROM school s
      LEFT JOIN (
        SELECT a.application_no, x.ord, x.choice->>'schoolId' AS school_id
        FROM application a
        JOIN eligibility_assessment e ON e.application_no = a.application_no
        CROSS JOIN LATERAL jsonb_array_elements(e.schools) WITH ORDINALITY AS x(choice, ord)
        WHERE a.county_code = ${scope.countyCode} AND a.stage::text = ${scope.stage}
          AND a.season_year = ${scope.seasonYear} AND a.status::text NOT IN ${CLOSED}
      ) c ON c.school_id = s.id
      WHERE s.county_code = ${scope.countyCode} AND s.stage::text = ${scope.stage}
      GROUP BY s.id, s.name_zh, s.places ORDER BY s.id`;
    return rows.map((r) => ({
      schoolId: r.school_id,
      nameZh: r.name_zh,
      places: r.places,
      firstChoice: Number(r.first),
      anyChoice: Number(r.any),
    }));
  }

  async channels(scope: ReportScope) {
    const rows = await this.db.$queryRaw<{ channel: string; form_type: string; n: bigint }[]>`
      SELECT channel::text AS channel, form_type::text AS form_type, count(*) AS n
      FROM application
      WHERE county_code = ${scope.countyCode} AND stage::text = ${scope.stage}
        AND season_year = ${scope.seasonYear}
      GROUP BY channel, form_type ORDER BY channel, form_type`;
    return rows.map((r) => ({ channel: r.channel, formType: r.form_type, cases: Number(r.n) }));
  }

  async verification(scope: ReportScope) {
    const rows = await this.db.$queryRaw<{ check: string; outcome: string; n: bigint }[]>`
      SELECT v."check", v.outcome::text AS outcome, count(*) AS n
      FROM verification_result v JOIN application a ON a.application_no = v.application_no
      WHERE a.county_code = ${scope.countyCode} AND a.stage::text = ${scope.stage}
        AND a.season_year = ${scope.seasonYear}
      GROUP BY v."check", v.outcome ORDER BY v."check", v.outcome`;
    return rows.map((r) => ({ check: r.check, outcome: r.outcome, cases: Number(r.n) }));
  }

  /**
   * Every stay of a case in AWAITING_REVIEW: when it came, when and to what it left (null while it
   * waits), and whether it overran the county's SLA (the given default where the county has none).
   */
  async reviewStays(scope: ReportScope, defaultSlaMs: number, now: Date) {
    const rows = await this.db.$queryRaw<
      { left_day: string | null; left_to: string | null; breached: boolean }[]
    >`
      WITH stays AS (
        SELECT e.to_status, e.occurred_at AS entered,
               lead(e.occurred_at) OVER w AS left_at, lead(e.to_status) OVER w AS left_to
        FROM application_event e JOIN application a ON a.application_no = e.application_no
        WHERE a.county_code = ${scope.countyCode} AND a.stage::text = ${scope.stage}
          AND a.season_year = ${scope.seasonYear}
        WINDOW w AS (PARTITION BY e.application_no ORDER BY e.seq)
      )
      SELECT to_char(left_at AT TIME ZONE 'UTC' AT TIME ZONE ${ZONE}, 'YYYY-MM-DD') AS left_day,
             left_to::text AS left_to,
             coalesce(left_at, ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - entered >
               coalesce(c.review_sla_ms, ${defaultSlaMs})::float8 * interval '1 millisecond' AS breached
      FROM stays CROSS JOIN county c
      WHERE stays.to_status = 'AWAITING_REVIEW' AND c.code = ${scope.countyCode}`;
    return rows.map((r) => ({ leftDay: r.left_day, leftTo: r.left_to, breached: r.breached }));
  }

  /** The round of a county, stage and season once drawn: its per-school results. */
  async drawnRound(scope: ReportScope) {
    return this.db.admissionRound.findFirst({
      where: { ...scope, status: { in: ['DRAWN', 'PUBLISHED'] } },
      select: { id: true, status: true, summary: true },
    });
  }

  /** The forecast each school of the county had for the season, as the early warning last left it. */
  forecasts(scope: ReportScope) {
    return this.db.schoolWarning.findMany({
      where: scope,
      select: { schoolId: true, forecast: true, forecastLow: true, forecastHigh: true },
    });
  }

  schoolNames({ countyCode, stage }: ReportScope) {
    return this.db.school.findMany({
      where: { countyCode, stage },
      select: { id: true, nameZh: true },
      orderBy: { id: 'asc' },
    });
  }
}
