import type { PlaceRelease } from '../domain/place-confirmation';
import { releaseId } from '../domain/place-confirmation';
import type { Db } from './prisma-client';

/** Released places and what the waitlists' chains read about cases and counties. */
export class WaitlistRepository {
  constructor(private readonly db: Db) {}

  /** Records a release once, however often it is retried. */
  async release(r: PlaceRelease): Promise<string> {
    const id = releaseId(r);
    await this.db.releasedPlace.createMany({
      data: [
        {
          id,
          roundId: r.roundId,
          schoolId: r.schoolId,
          releasedBy: r.applicationNo,
          reason: r.reason,
        },
      ],
      skipDuplicates: true,
    });
    return id;
  }

  /** Closes OPEN places: a later call for a place already closed changes nothing. */
  async close(ids: readonly string[], state: 'TAKEN' | 'UNFILLED', takenBy?: string) {
    await this.db.releasedPlace.updateMany({
      where: { id: { in: [...ids] }, state: 'OPEN' },
      data: { state, takenBy: takenBy ?? null, closedAt: new Date() },
    });
  }

  /** The county's periods to confirm a place and to answer an offer (null: the defaults). */
  windows(countyCode: string) {
    return this.db.county.findUnique({
      where: { code: countyCode },
      select: { confirmWindowMs: true, offerWindowMs: true },
    });
  }

  /** Where a case's workflow runs. */
  caseRun(applicationNo: string) {
    return this.db.application.findUnique({
      where: { applicationNo },
      select: { workflowId: true, runId: true },
    });
  }

  /**
   * The case is among the applicants of a round not yet published: that round's result is on
   * its way, so an offer now could place the child twice.
   */
  async inOpenRound(applicationNo: string): Promise<boolean> {
    const open = await this.db.admissionRoundApplicant.count({
      where: { applicationNo, round: { status: { not: 'PUBLISHED' } } },
    });
    return open > 0;
  }
}
