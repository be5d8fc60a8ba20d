import type { ApplicationRepository } from '../db/application-repository';
import type { CheckResult, CheckResultsByName } from '../domain/verification/checks';
import { verificationChecks } from '../observability/metrics';

/** Checks' outcomes recorded together, as `recordChecksAndAssess` and `recordCheck` need. */
export type ChecksRecorder = (
  applicationNo: string,
  checks: CheckResultsByName,
  checkedAt: string,
) => Promise<void>;

/** Stores checks' outcomes and evidence (a retry overwrites the same rows) and counts them. */
export function checksRecorder(repository: ApplicationRepository): ChecksRecorder {
  return async (applicationNo, checks, checkedAt) => {
    await repository.recordChecks(applicationNo, checks, new Date(checkedAt));
    for (const [check, result] of Object.entries(checks)) {
      if (result) verificationChecks.inc({ check, outcome: result.outcome });
    }
  };
}

/** One check's outcome, as cases started before `checks-recorded-with-assessment` record it. */
export function recordCheckActivity(recordChecks: ChecksRecorder) {
  return async function recordCheck(
    applicationNo: string,
    check: string,
    result: CheckResult,
    checkedAt: string,
  ): Promise<void> {
    await recordChecks(applicationNo, { [check]: result }, checkedAt);
  };
}
