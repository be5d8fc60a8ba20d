import type { Db } from './prisma-client';
import type { SchoolRef, SeasonRules } from '../domain/forms/reference-checks';

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

  async schools(ids: readonly string[]): Promise<Map<string, SchoolRef>> {
    const rows = await this.db.school.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, countyCode: true, stage: true },
    });
    return new Map(rows.map((row) => [row.id, row]));
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
  async countySettings(countyCode: string): Promise<
    | {
        reviewSlaMs: number | null;
        supplementDeadlineMs: number | null;
        appealWindowMs: number | null;
      }
    | undefined
  > {
    return (
      (await this.db.county.findUnique({
        where: { code: countyCode },
        select: { reviewSlaMs: true, supplementDeadlineMs: true, appealWindowMs: true },
      })) ?? undefined
    );
  }
}
