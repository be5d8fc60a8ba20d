import { FINAL_STATUSES } from '../domain/enrolment';
import { DEFAULT_LIVE_CASES_PER_ACCOUNT } from '../domain/guardianship';
import type { Db } from './prisma-client';

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

  /** Cases the account owns that have not reached a final status. */
  liveCasesOwnedBy(ownerSub: string): Promise<number> {
    return this.db.application.count({
      where: { ownerSub, status: { notIn: [...FINAL_STATUSES] } },
    });
  }

  /** Cases waiting for verification, region-wide: what admission control bounds (issue 18). */
  verificationBacklog(): Promise<number> {
    return this.db.application.count({ where: { status: { in: ['SUBMITTED', 'VERIFYING'] } } });
  }

  async liveCasesPerAccount(): Promise<number> {
    const row = await this.db.intakePolicy.findUnique({ where: { scope: REGION } });
    return row?.maxLiveCasesPerAccount ?? DEFAULT_LIVE_CASES_PER_ACCOUNT;
  }

  async setLiveCasesPerAccount(limit: number): Promise<void> {
    await this.db.intakePolicy.upsert({
      where: { scope: REGION },
      create: { scope: REGION, maxLiveCasesPerAccount: limit },
      update: { maxLiveCasesPerAccount: limit, updatedAt: new Date() },
    });
  }
}
