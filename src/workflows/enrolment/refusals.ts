import { ApplicationFailure } from '@temporalio/workflow';
import type { EnrolmentStatus } from '../../domain/enrolment';
import { FAILURE_TYPES } from '../../contract';
import type { EnrolmentCase } from './case-state';

/** How a validator refuses an action; the API maps each failure type to its answer. */

/** INVALID_STATE: the API answers 409 with the case's current status. */
export function refuse(
  c: EnrolmentCase,
  action: string,
  why = `The case is ${c.status}; "${action}" is not accepted in that state.`,
): never {
  throw ApplicationFailure.create({
    type: FAILURE_TYPES.invalidState,
    message: why,
    details: [{ currentStatus: c.status, action }],
  });
}

/** A case that is busy recording a step is not refused: handleAction waits, then checks again. */
export function requireState(
  c: EnrolmentCase,
  allowed: readonly EnrolmentStatus[],
  action: string,
) {
  if (c.settled || !allowed.includes(c.status)) refuse(c, action);
}

/** INVALID_INPUT: the API answers 400 naming the field. */
export function invalid(path: string, message: string): never {
  throw ApplicationFailure.create({
    type: FAILURE_TYPES.invalidInput,
    message,
    details: [{ path }],
  });
}
