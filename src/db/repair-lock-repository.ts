import type { Db } from './prisma-client';

/** One repair of a case at a time across API replicas (DESIGN.md §7). */
export class RepairLockRepository {
  constructor(private readonly db: Db) {}

  /** Claims the case for `holder` unless someone else holds an unexpired claim. */
  async claim(applicationNo: string, holder: string, ttlMs: number): Promise<boolean> {
    // Both times come from here, converted alike, whatever the database's time zone.
    const now = new Date();
    const expiresAt = new Date(now.getTime() + ttlMs);
    const rows = await this.db.$queryRaw<{ holder: string }[]>`
      INSERT INTO case_repair_lock (application_no, holder, expires_at)
      VALUES (${applicationNo}, ${holder}, ${expiresAt})
      ON CONFLICT (application_no) DO UPDATE
        SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
        WHERE case_repair_lock.expires_at < ${now}
      RETURNING holder`;
    return rows.length === 1;
  }

  async release(applicationNo: string, holder: string): Promise<void> {
    await this.db.caseRepairLock.deleteMany({ where: { applicationNo, holder } });
  }
}
