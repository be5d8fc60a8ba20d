import type { Db } from './prisma-client';

export type ClaimOutcome = 'claimed' | 'lost-race';

/**
 * Claim codes of offline cases and failed claim attempts (issue 14). Claiming is one transaction:
 * the code is spent only if still unused and unexpired, and the case joins the account only if no
 * account holds it, so two concurrent claims of one code cannot both succeed.
 */
export class ClaimRepository {
  constructor(private readonly db: Db) {}

  /** Stores a new code for a case, replacing an unused one; false when the case was claimed. */
  async issue(code: {
    applicationNo: string;
    codeHash: string;
    guardianKeys: readonly string[];
    issuedBy: string;
    expiresAt: Date;
  }): Promise<boolean> {
    const data = { ...code, guardianKeys: [...code.guardianKeys], issuedAt: new Date() };
    return this.db.$transaction(async (tx) => {
      const existing = await tx.caseClaimCode.findUnique({
        where: { applicationNo: code.applicationNo },
      });
      if (existing?.claimedAt) return false;
      await tx.caseClaimCode.upsert({
        where: { applicationNo: code.applicationNo },
        create: data,
        update: data,
      });
      return true;
    });
  }

  byHash(codeHash: string) {
    return this.db.caseClaimCode.findUnique({ where: { codeHash } });
  }

  /** The guardians a case's code names, to issue a fresh code for the same case. */
  guardiansOf(applicationNo: string) {
    return this.db.caseClaimCode.findUnique({
      where: { applicationNo },
      select: { guardianKeys: true, claimedAt: true },
    });
  }

  async claim(codeHash: string, account: string, now: Date): Promise<ClaimOutcome> {
    return this.db.$transaction(async (tx) => {
      const spent = await tx.caseClaimCode.updateMany({
        where: { codeHash, claimedAt: null, expiresAt: { gt: now } },
        data: { claimedAt: now, claimedBy: account },
      });
      if (spent.count === 0) return 'lost-race';
      const { applicationNo } = await tx.caseClaimCode.findUniqueOrThrow({ where: { codeHash } });
      const joined = await tx.application.updateMany({
        where: { applicationNo, ownerSub: null },
        data: { ownerSub: account },
      });
      if (joined.count === 0) throw new Error(`case ${applicationNo} already has an account`);
      return 'claimed';
    });
  }

  failuresSince(account: string, since: Date): Promise<number> {
    return this.db.claimAttempt.count({ where: { account, attemptedAt: { gt: since } } });
  }

  /** The oldest failure still counted, to tell the caller when the window lets them try again. */
  async oldestFailureSince(account: string, since: Date): Promise<Date | null> {
    const row = await this.db.claimAttempt.findFirst({
      where: { account, attemptedAt: { gt: since } },
      orderBy: { attemptedAt: 'asc' },
    });
    return row?.attemptedAt ?? null;
  }

  async recordFailure(account: string): Promise<void> {
    await this.db.claimAttempt.create({ data: { account } });
  }
}
