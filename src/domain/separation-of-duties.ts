import type { ReviewDecisionFields } from './review-schema';

/** The audit action a reviewer's approval of a console-delivered decision is recorded under. */
export const REPAIR_APPROVAL_ACTION = 'APPROVE_REPAIR_DECISION';
/** The audit action that uses an approval (its details name the approvalId). */
export const REPAIR_DELIVERY_ACTION = 'OPS_RESET';

export interface RecordedApproval {
  readonly actor: string;
  readonly role: string;
  readonly decision: Partial<ReviewDecisionFields>;
  readonly used: boolean;
}

/**
 * Why a decision delivered through the operations console may not go ahead, or undefined if it
 * may: it needs a reviewer's approval of exactly this decision, not yet used, by someone other
 * than the person delivering it (等保 separation of duties; re-applied decisions need none, being
 * the reviewers' own).
 */
export function approvalProblem(
  approval: RecordedApproval | undefined,
  delivered: ReviewDecisionFields,
  deliverer: string,
): string | undefined {
  if (!approval) return 'no reviewer approved a decision for this case under that approvalId';
  if (approval.role !== 'REVIEWER') return 'the approval was not made by a reviewer';
  if (approval.actor === deliverer) return 'the person delivering a decision cannot approve it';
  if (approval.used) return 'the approval was used already';
  const same = (['decision', 'reasonCode', 'reason'] as const).every(
    (field) => (approval.decision[field] ?? null) === (delivered[field] ?? null),
  );
  return same ? undefined : 'the approval is for another decision';
}
