import { z } from 'zod';
import { FINAL_STATUSES, type EnrolmentStatus } from '../enrolment';

/**
 * How long personal data is kept (PIPL Art. 19: no longer than the purpose needs), as data. A
 * season's closed cases and their documents are anonymised some months after the season ends;
 * audit rows are kept at least six months (等保 2.0 level 3, 安全审计) and never touched by
 * retention; a request's idempotency record is only needed while a client may retry it.
 */
export const retentionPolicySchema = z.strictObject({
  version: z.string().min(1),
  /** The last day of season Y is this day of year Y (China time); the school year starts after. */
  seasonEndsOn: z.strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  closedCasesAnonymisedAfterMonths: z.number().int().min(0).max(240),
  /** 等保 requires at least six months; the database refuses deleting audit rows at all. */
  auditKeptMonths: z.number().int().min(6),
  idempotencyRecordsKeptDays: z.number().int().min(1).max(365),
  /** When the Temporal Schedule runs the retention workflow (cron, UTC). */
  scheduleCron: z.string().min(9),
});
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const RETENTION_POLICY: RetentionPolicy = retentionPolicySchema.parse({
  version: '2026-01',
  seasonEndsOn: { month: 8, day: 31 },
  closedCasesAnonymisedAfterMonths: 12,
  auditKeptMonths: 36,
  idempotencyRecordsKeptDays: 7,
  // 02:30 China time (UTC+8), when the service is quiet.
  scheduleCron: '30 18 * * *',
});

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Midnight (China time) starting the day after a calendar date; months past its end clamp. */
function startOfDayAfter(year: number, monthIndex: number, day: number): Date {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, monthIndex, Math.min(day, lastDay) + 1) - CHINA_OFFSET_MS);
}

/** The instant season `year` is over. */
export function seasonEnd(year: number, policy: RetentionPolicy = RETENTION_POLICY): Date {
  const { month, day } = policy.seasonEndsOn;
  return startOfDayAfter(year, month - 1, day);
}

/** From when the closed cases of season `year` are anonymised. */
export function casesDueFrom(year: number, policy: RetentionPolicy = RETENTION_POLICY): Date {
  const { month, day } = policy.seasonEndsOn;
  return startOfDayAfter(year, month - 1 + policy.closedCasesAnonymisedAfterMonths, day);
}

/** Whether a case is due for anonymisation at `now`: closed, and its season's period is over. */
export function isCaseDue(
  kase: { readonly seasonYear: number; readonly status: EnrolmentStatus },
  now: Date,
  policy: RetentionPolicy = RETENTION_POLICY,
): boolean {
  return (
    FINAL_STATUSES.includes(kase.status) &&
    casesDueFrom(kase.seasonYear, policy).getTime() <= now.getTime()
  );
}

/**
 * The newest season whose closed cases are due at `now` (every older one is too), so that the
 * database selects them with one comparison.
 */
export function latestSeasonDue(now: Date, policy: RetentionPolicy = RETENTION_POLICY): number {
  let year = now.getUTCFullYear();
  while (casesDueFrom(year, policy).getTime() > now.getTime()) year -= 1;
  return year;
}

/** Idempotency records created before this instant are deleted. */
export function idempotencyCutoff(now: Date, policy: RetentionPolicy = RETENTION_POLICY): Date {
  return new Date(now.getTime() - policy.idempotencyRecordsKeptDays * 86_400_000);
}

/** What a retention run did, or would do: counts only, never a person's data. */
export interface RetentionCounts {
  readonly casesAnonymised: number;
  readonly documentsDeleted: number;
  readonly idempotencyRecordsDeleted: number;
  /** The audit rows of those cases, which stay as they are. */
  readonly auditRowsKept: number;
}

/** What personal text fields become. */
export const ANONYMISED = '(已匿名化 anonymised)';
