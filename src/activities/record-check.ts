import type { ApplicationRepository } from '../db/application-repository';
import type { CheckResult } from '../domain/verification/checks';
import { verificationChecks } from '../observability/metrics';

export function recordCheckActivity(repository: ApplicationRepository) {
  /** Stores a check's outcome and evidence; a retry overwrites the same row. */
  return async function recordCheck(
    applicationNo: string,
    check: string,
    result: CheckResult,
    checkedAt: string,
  ): Promise<void> {
    await repository.recordCheck(applicationNo, check, result, new Date(checkedAt));
    verificationChecks.inc({ check, outcome: result.outcome });
  };
}
