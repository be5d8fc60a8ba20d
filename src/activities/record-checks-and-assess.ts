import type { CaseActivities } from '../contract';
import type { ChecksRecorder } from './record-check';

/**
 * A case's first assessment, with the outcomes of the checks it rests on recorded first (in one
 * statement; each row overwritten on a retry).
 */
export function recordChecksAndAssessActivity(
  recordChecks: ChecksRecorder,
  assessEligibility: CaseActivities['assessEligibility'],
): CaseActivities['recordChecksAndAssess'] {
  return async function recordChecksAndAssess(input, checks, checkedAt) {
    await recordChecks(input.applicationNo, checks, checkedAt);
    return assessEligibility(input, checks);
  };
}
