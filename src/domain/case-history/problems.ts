/** Why a case shows up in the operations console's "stuck" lists (DESIGN.md §7). */
export const PROBLEMS = [
  'ACTIVITY_FAILING',
  'WORKFLOW_TASK_FAILING',
  'REVIEW_OVERDUE',
  'LONG_IN_STATE',
] as const;
export type Problem = (typeof PROBLEMS)[number];

export interface CaseVitals {
  readonly pendingActivities: readonly { readonly attempt: number }[];
  readonly workflowTaskAttempt: number;
  readonly reviewOverdue: boolean;
  /** When the case entered its current status (read model); null when the read model lags. */
  readonly statusChangedAt: Date | null;
}

export interface ProblemThresholds {
  /** An activity on this attempt or later is failing, not just unlucky once. */
  readonly minAttempts: number;
  /** A case in one status this long is worth a look. */
  readonly minHoursInState: number;
}

export const DEFAULT_THRESHOLDS: ProblemThresholds = { minAttempts: 3, minHoursInState: 72 };

/**
 * The problems a case shows now. A workflow task on its second attempt has failed once: Temporal
 * retries it forever, so it is already worth an operator's eye (usually a non-determinism error).
 */
export function problemsOf(
  vitals: CaseVitals,
  thresholds: ProblemThresholds,
  now: Date,
): Problem[] {
  const problems: Problem[] = [];
  if (vitals.pendingActivities.some((a) => a.attempt >= thresholds.minAttempts))
    problems.push('ACTIVITY_FAILING');
  if (vitals.workflowTaskAttempt > 1) problems.push('WORKFLOW_TASK_FAILING');
  if (vitals.reviewOverdue) problems.push('REVIEW_OVERDUE');
  if (
    vitals.statusChangedAt &&
    now.getTime() - vitals.statusChangedAt.getTime() >= thresholds.minHoursInState * 3_600_000
  )
    problems.push('LONG_IN_STATE');
  return problems;
}
