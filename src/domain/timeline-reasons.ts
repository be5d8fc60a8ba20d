/**
 * What the case's timeline says when the case moves for a reason other than a decision (those
 * are in review.ts). Families and reviewers read these; the workflow writes them.
 */

export function supplementRequestedReason(request: {
  readonly items: readonly string[];
  readonly note?: string;
  readonly deadline: string;
}): string {
  return `${request.items.join(', ')}${request.note ? `: ${request.note}` : ''} (by ${request.deadline})`;
}

export function supplementProvidedReason(provided: {
  readonly items: readonly { readonly item: string }[];
}): string {
  return `Supplement provided: ${provided.items.map((i) => i.item).join(', ')}`;
}

export function supplementExpiredReason(deadline: string): string {
  return `The supplement was not provided by ${deadline}.`;
}

export function offlineCheckReason(confirmation: {
  readonly outcome: string;
  readonly registrationPointId: string;
  readonly staffId: string;
  readonly itemsSeen: readonly string[];
  readonly note?: string;
}): string {
  const { outcome, registrationPointId, staffId, itemsSeen, note } = confirmation;
  return `Offline check ${outcome} at ${registrationPointId} by ${staffId}: ${itemsSeen.join(', ')}${note ? ` (${note})` : ''}`;
}

export function notVerifiableOnlineReason(checks: readonly string[]): string {
  return `Not verifiable online (${checks.join(', ')}); documents will be checked in person.`;
}

/** An operator closed the case without saying why. */
export const CANCELLED_REASON = 'Cancelled.';

/** The guardian withdrew consent before a decision, which withdraws the application. */
export const CONSENT_WITHDRAWN_REASON =
  '监护人撤回同意,申请已撤回。Consent withdrawn by the guardian; the application is withdrawn.';
