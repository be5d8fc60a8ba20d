import type { Db } from './prisma-client';
import type { SchoolRef, SeasonRules } from '../domain/forms/reference-checks';
import type { RegistrationWindow } from '../domain/registration-window';
import type { Stage } from '../domain/enrolment';

/** Seasons, schools and registration points: read-only here, administered elsewhere. */
export class ReferenceDataRepository {
  constructor(private readonly db: Db) {}

  async seasonRules(year: number): Promise<SeasonRules | undefined> {
    const season = await this.db.season.findUnique({ where: { year } });
    if (!season) return undefined;
    return {
      year: season.year,
      primaryBornOnOrBefore: season.primaryBornOnOrBefore.toISOString().slice(0, 10),
      juniorBornOnOrBefore: season.juniorBornOnOrBefore.toISOString().slice(0, 10),
    };
  }

  registrationPoint(id: string) {
    return this.db.registrationPoint.findUnique({ where: { id } });
  }

  registrationPoints(countyCode?: string) {
    return this.db.registrationPoint.findMany({
      where: countyCode ? { countyCode } : {},
      orderBy: { id: 'asc' },
    });
  }

  /** A county's own review SLA and supplement deadline, where it has set them. */
  async countySettings(countyCode: string): Promise<CountyPeriods | undefined> {
    return (
      (await this.db.county.findUnique({
        where: { code: countyCode },
        select: { reviewSlaMs: true, supplementDeadlineMs: true, appealWindowMs: true },
      })) ?? undefined
    );
  }

  /**
   * Everything a submission checks its form against, in one round trip (issue 18: at the peak
   * each round trip waits its turn for a core; this was four): the county's registration window
   * for the stage, the season's birth-date rules, the chosen schools, the county's own periods.
   */
  async forIntake(form: {
    countyCode: string;
    stage: Stage;
    seasonYear: number;
    schoolChoices: readonly string[];
  }): Promise<IntakeReference> {
    // The window's columns as stored (UTC wall time, which Prisma reads as UTC): converted to
    // timestamptz, they came back shifted by the session's time zone.
    const [row] = await this.db.$queryRaw<IntakeRow[]>`
      SELECT w.opens_at, w.closes_at,
        s.year AS season_year,
        to_char(s.primary_born_on_or_before, 'YYYY-MM-DD') AS primary_born_on_or_before,
        to_char(s.junior_born_on_or_before, 'YYYY-MM-DD') AS junior_born_on_or_before,
        c.code AS county_code, c.review_sla_ms, c.supplement_deadline_ms, c.appeal_window_ms,
        (SELECT coalesce(json_agg(json_build_object(
            'id', id, 'countyCode', county_code, 'stage', stage)), '[]'::json)
          FROM school WHERE id = ANY(${[...form.schoolChoices]}::text[])) AS schools
      FROM (SELECT 1) AS one
      LEFT JOIN registration_window w ON w.county_code = ${form.countyCode}
        AND w.stage = ${form.stage}::"Stage" AND w.season_year = ${form.seasonYear}
      LEFT JOIN season s ON s.year = ${form.seasonYear}
      LEFT JOIN county c ON c.code = ${form.countyCode}`;
    return intakeReferenceOf(row!);
  }
}

/** A county's own periods; null where it keeps the service's default. */
export interface CountyPeriods {
  readonly reviewSlaMs: number | null;
  readonly supplementDeadlineMs: number | null;
  readonly appealWindowMs: number | null;
}

/** What a submission's form is checked against; each part absent where it is not on file. */
export interface IntakeReference {
  readonly window: RegistrationWindow | null;
  readonly season: SeasonRules | undefined;
  readonly schools: Map<string, SchoolRef>;
  readonly county: CountyPeriods | undefined;
}

interface IntakeRow {
  opens_at: Date | null;
  closes_at: Date | null;
  season_year: number | null;
  primary_born_on_or_before: string | null;
  junior_born_on_or_before: string | null;
  county_code: string | null;
  review_sla_ms: number | null;
  supplement_deadline_ms: number | null;
  appeal_window_ms: number | null;
  schools: SchoolRef[];
}

function intakeReferenceOf(row: IntakeRow): IntakeReference {
  return {
    window:
      row.opens_at && row.closes_at ? { opensAt: row.opens_at, closesAt: row.closes_at } : null,
    season:
      row.season_year === null
        ? undefined
        : {
            year: row.season_year,
            primaryBornOnOrBefore: row.primary_born_on_or_before!,
            juniorBornOnOrBefore: row.junior_born_on_or_before!,
          },
    schools: new Map(row.schools.map((school) => [school.id, school])),
    county:
      row.county_code === null
        ? undefined
        : {
            reviewSlaMs: row.review_sla_ms,
            supplementDeadlineMs: row.supplement_deadline_ms,
            appealWindowMs: row.appeal_window_ms,
          },
  };
}
