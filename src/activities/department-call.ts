import { ApplicationFailure } from '@temporalio/activity';
import { DepartmentRejectedError } from '../integration/data-sharing/client';
import { FAILURE_TYPES } from '../contract';

/**
 * Runs a department query for an activity: an unavailable department throws as it is (Temporal
 * retries with backoff); a refused request is non-retryable, since sending it again cannot help.
 */
export async function departmentCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DepartmentRejectedError) {
      throw ApplicationFailure.nonRetryable(error.message, FAILURE_TYPES.departmentRejected, {
        status: error.status,
      });
    }
    throw error;
  }
}
