import { ApplicationFailure } from '@temporalio/activity';
import { identityOutcome, type CheckResult } from '../domain/verification/identity-outcome';
import {
  DepartmentRejectedError,
  type DataSharingClient,
} from '../integration/data-sharing/client';
import { FAILURE_TYPES, type EnrolmentApplicationInput } from '../workflows/messages';

export function verifyIdentityActivity(client: DataSharingClient) {
  /**
   * 公安 identity check. An unavailable department throws (Temporal retries with backoff); a
   * refused request is non-retryable, since sending it again cannot change the answer.
   */
  return async function verifyIdentity(
    application: EnrolmentApplicationInput,
  ): Promise<CheckResult> {
    try {
      const response = await client.verifyIdentity({
        name: application.form.child.name,
        idNumber: application.form.child.idNumber,
      });
      const registry =
        response.data.result === 'FOUND'
          ? { found: true, ...response.data.record }
          : { found: false };
      return identityOutcome(application.form.child, registry);
    } catch (error) {
      if (error instanceof DepartmentRejectedError) {
        throw ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.departmentRejected, {
          status: error.status,
        });
      }
      throw error;
    }
  };
}
