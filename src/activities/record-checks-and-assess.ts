import type { CaseActivities } from '../contract';

/**
 * A case's first assessment, with the outcomes of the checks it rests on recorded first (each
 * row overwritten on a retry, as `recordCheck` does).
 */
export function recordChecksAndAssessActivity(
  recordCheck: CaseActivities['recordCheck'],
  assessEligibility: CaseActivities['assessEligibility'],
): CaseActivities['recordChecksAndAssess'] {
  return async function recordChecksAndAssess(input, checks, checkedAt) {
    await Promise.all(
      Object.entries(checks).map(([check, result]) =>
        recordCheck(input.applicationNo, check, result, checkedAt),
      ),
    );
    return assessEligibility(input, checks);
  };
}
