import type { CaseDetails } from '../contract';
import type { ApplicationRepository } from '../db/application-repository';

export function recordCaseDetailsActivity(repository: ApplicationRepository) {
  /** Projects review details (overdue flag, supplement request and answers, offline check). */
  return async function recordCaseDetails(
    applicationNo: string,
    details: CaseDetails,
  ): Promise<void> {
    await repository.recordDetails(applicationNo, details);
  };
}
