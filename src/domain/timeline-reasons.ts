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

/** Says nothing of what the registry holds: families of unconfirmed guardians read it too. */
export const RELATION_NOT_CONFIRMED_REASON =
  "The guardians' relation to the child could not be confirmed online; the household booklet (or birth certificate) will be checked in person.";

/**
 * A case a child's guardian contested at a registration point, closed once staff saw the household
 * booklet. Whoever filed it reads this: it names neither the family nor what staff saw.
 */
export const CONTESTED_REASON =
  "Closed at a registration point: the child's household booklet does not name the applicant as a guardian.";

/** An operator closed the case without saying why. */
export const CANCELLED_REASON = 'Cancelled.';

/** The guardian withdrew consent before a decision, which withdraws the application. */
export const CONSENT_WITHDRAWN_REASON =
  '监护人撤回同意,申请已撤回。Consent withdrawn by the guardian; the application is withdrawn.';

/** What a confirmation names: the fact, its category, or that it was withdrawn. */
export function confirmedFactsText(
  confirms: readonly {
    readonly fact: string;
    readonly confirmed?: boolean;
    readonly category?: string;
  }[],
): string {
  return confirms
    .map(
      (c) =>
        `${c.fact}${c.category ? ` (${c.category})` : ''}${c.confirmed === false ? ' withdrawn' : ''}`,
    )
    .join(', ');
}

interface AssessedSummary {
  readonly eligible: boolean;
  readonly tiers: readonly {
    readonly schoolId: string;
    readonly tier: number;
    readonly predicate?: string;
  }[];
  readonly notes: readonly string[];
}

/**
 * Why the case was assessed again and what changed: eligibility, then each school whose tier
 * moved (with the predicate it now rests on). Reviewers and families read it on the timeline.
 */
export function reassessedReason(
  version: number,
  cause: string,
  before: AssessedSummary | null,
  after: AssessedSummary,
): string {
  const standing = (s: AssessedSummary) =>
    s.eligible ? 'eligible' : `not eligible (${s.notes.join(', ')})`;
  const changes: string[] = [];
  if (!before || before.eligible !== after.eligible)
    changes.push(`${before ? `${standing(before)} → ` : ''}${standing(after)}`);
  for (const t of after.tiers) {
    const was = before?.tiers.find((b) => b.schoolId === t.schoolId)?.tier;
    if (was !== t.tier)
      changes.push(
        `${t.schoolId} tier ${was ?? '–'} → ${t.tier}${t.predicate ? ` (${t.predicate})` : ''}`,
      );
  }
  return `Re-assessed (version ${version}) after ${cause}: ${changes.length ? changes.join('; ') : 'no change'}`;
}
