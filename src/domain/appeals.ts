import type { EnrolmentStatus } from './enrolment';
import { APPEAL_DECISIONS, type AppealDecision } from './review';

/**
 * Appeals (复核申请, DESIGN.md §3): a family may ask the county to look again at a rejection or a
 * placement within the county's period, counted from the decision. Pure rules: the workflow and
 * the API apply the same ones.
 */

/** The results a family may appeal: a rejection, and each admission round's placement. */
export const APPEALABLE_STATUSES = [
  'REJECTED',
  'ADMITTED',
  'ASSIGNED_BY_BUREAU',
  'NOT_ADMITTED',
] as const satisfies readonly EnrolmentStatus[];
export type AppealableStatus = (typeof APPEALABLE_STATUSES)[number];

/** A county without its own period: five days, as the regional plan's examples allow. */
export const DEFAULT_APPEAL_WINDOW_MS = 5 * 24 * 60 * 60 * 1000;

export function isAppealable(status: EnrolmentStatus): status is AppealableStatus {
  return (APPEALABLE_STATUSES as readonly string[]).includes(status);
}

/** The last moment an appeal of a result given at `decidedAt` is taken. */
export function appealDeadline(decidedAt: string, windowMs: number | undefined): string {
  return new Date(Date.parse(decidedAt) + (windowMs ?? DEFAULT_APPEAL_WINDOW_MS)).toISOString();
}

/** An appeal as the case keeps it: what was appealed, by whom, and the county's answer. */
export interface AppealRecord {
  readonly appealed: AppealableStatus;
  /** The family's words (personal: sealed in the read model, never on the timeline). */
  readonly reason: string;
  readonly filedBy: string;
  readonly filedAt: string;
  readonly deadline: string;
  readonly outcome: {
    readonly decision: AppealDecision;
    readonly reason: string;
    readonly reviewerId: string;
    readonly decidedAt: string;
  } | null;
}

/** Where the case goes once the reviewer decides: only an accepted rejection is reviewed again. */
export function statusAfterAppeal(
  decision: AppealDecision,
  appealed: AppealableStatus,
): EnrolmentStatus {
  return decision === 'ACCEPT' && appealed === 'REJECTED' ? 'AWAITING_REVIEW' : appealed;
}

/** The timeline's words when the family asks (its own words stay off the timeline). */
export const APPEAL_FILED_REASON = '家长已申请复核\nThe family asked for a review (appeal)';

/** The timeline's words (and so the family's and the platform's) for the county's answer. */
export function appealDecidedReason(decision: AppealDecision, reason: string): string {
  const { zh, en } = APPEAL_DECISIONS[decision].label;
  return `${zh}:${reason}\n${en}: ${reason}`;
}

/** What the family reads about its appeal, in both languages. */
export function appealForFamily(record: AppealRecord | null, deadline: string | null) {
  if (!record)
    return deadline ? { state: 'OPEN' as const, deadline, text: openText(deadline) } : null;
  if (!record.outcome)
    return {
      state: 'PENDING' as const,
      deadline: record.deadline,
      filedAt: record.filedAt,
      text: {
        zh: '复核申请已受理,请等待教育局答复。',
        en: 'Your appeal is being reviewed by the bureau.',
      },
    };
  const { decision, reason, decidedAt } = record.outcome;
  return {
    state: decision === 'ACCEPT' ? ('ACCEPTED' as const) : ('UPHELD' as const),
    deadline: record.deadline,
    filedAt: record.filedAt,
    decidedAt,
    reason,
    text: APPEAL_DECISIONS[decision].label,
  };
}

function openText(deadline: string) {
  return {
    zh: `如对结果有异议,可在 ${deadline} 前申请复核。`,
    en: `If you disagree with the result, you may ask for a review (appeal) before ${deadline}.`,
  };
}
