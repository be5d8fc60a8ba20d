import type {
  ConfirmationSource,
  FactConfirmationFields,
} from '../../domain/eligibility/confirmations';
import { confirmedFactsText, reassessedReason } from '../../domain/timeline-reasons';
import { assessEligibility } from './case-activities';
import type { EnrolmentCase } from './case-state';

/** Marks the histories in which a confirmation of facts leads to a new assessment. */
export const REASSESS_ON_CONFIRMATION = 'reassess-on-confirmation';

/**
 * A verified fact changed: the case takes the confirmations, is assessed again on the checks'
 * results and every confirmation so far (a new version), and its timeline says what changed and
 * why. The status stays; the latest assessment is what reviewers see and the round freezes.
 */
export async function reassess(
  c: EnrolmentCase,
  source: ConfirmationSource,
  confirms: readonly FactConfirmationFields[],
  actor: string,
): Promise<void> {
  c.confirmations.push(...confirms.map((fields) => ({ ...fields, source, by: actor })));
  const version = c.assessmentVersion + 1;
  c.assessmentVersion = version;
  const cause = `${source} by ${actor}: ${confirmedFactsText(confirms)}`;
  const before = c.eligibility;
  const after = await assessEligibility(c.input, c.checkResults, {
    version,
    cause,
    confirmations: c.confirmations,
  });
  c.eligibility = after;
  await c.moveTo(c.status, actor, reassessedReason(version, cause, before, after));
}
