import { FINAL_STATUSES } from '../domain/enrolment';
import { DEFAULT_LIVE_CASES_PER_ACCOUNT } from '../domain/guardianship';
import type { Db } from './prisma-client';

/**
 * How long a slot counts without its case: far longer than a submission takes, short enough that
 * a process dying mid-submission does not hold an account's slot for long.
 */
const RESERVATION_TTL_MS = 5 * 60_000;

/** The region's row of intake_policy. */
const REGION = 'GUANGXI';

/** What intake's rules read before a case starts: a child's existing case, an account's cases. */
export class IntakeRepository {
  constructor(private readonly db: Db) {}

  /** The newest case of a child for a season and stage (one workflow id, many runs). */
  existingCase(workflowId: string) {
    return this.db.application.findFirst({
      where: { workflowId },
      orderBy: { submittedAt: 'desc' },
      select: { applicationNo: true, status: true, ownerSub: true, countyCode: true },
    });
  }

  /**
   * Takes a live-case slot for the account's case of this child if it has room under the region's
   * cap: under a per-account lock, its live cases and the slots its other submissions hold are
   * counted (a child once), so concurrent submissions cannot pass the cap together. One round
   * trip, the cap read with it (the region's intake policy's, or the domain's default): the SQL
   * function `reserve_live_case` (its migration says how).
   */
  async reserveLiveCase(
    ownerSub: string,
    workflowId: string,
  ): Promise<{ readonly reserved: boolean; readonly limit: number }> {
    const [row] = await this.db.$queryRaw<{ reserved: boolean; cap: number }[]>`
      SELECT reserve_live_case(${ownerSub}, ${workflowId}, cap, ${[...FINAL_STATUSES]}::text[],
        ${RESERVATION_TTL_MS}::int) AS reserved, cap
      FROM (SELECT COALESCE(max(max_live_cases_per_account),
        ${DEFAULT_LIVE_CASES_PER_ACCOUNT}::int) AS cap
        FROM intake_policy WHERE scope = ${REGION}) AS policy`;
    return { reserved: row!.reserved, limit: row!.cap };
  }

  /**
   * Gives the slot back: its submission failed before the case's row counted it (which hands the
   * slot over, `writeFirstEntry`), or a claim has made the row count it.
   */
  async releaseLiveCase(ownerSub: string, workflowId: string): Promise<void> {
    await this.db.liveCaseReservation.deleteMany({ where: { ownerSub, workflowId } });
  }

  /** Cases waiting for verification, region-wide: what admission control bounds (issue 18). */
  verificationBacklog(): Promise<number> {
    return this.db.application.count({ where: { status: { in: ['SUBMITTED', 'VERIFYING'] } } });
  }

  async setLiveCasesPerAccount(limit: number): Promise<void> {
    await this.db.intakePolicy.upsert({
      where: { scope: REGION },
      create: { scope: REGION, maxLiveCasesPerAccount: limit },
      update: { maxLiveCasesPerAccount: limit, updatedAt: new Date() },
    });
  }
}
