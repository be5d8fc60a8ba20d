import type { Info } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { DepartmentUnavailableError } from '../integration/data-sharing/client';
import { attemptOutcome } from './failing-activity-projection';

const now = new Date('2026-09-01T08:00:00.000Z');
const info = (overrides: Partial<Info> = {}): Info =>
  ({
    activityId: '7',
    activityType: 'verifyHousehold',
    attempt: 3,
    workflowExecution: { workflowId: 'enrolment-2026-PRIMARY_1-k', runId: 'run-1' },
    scheduledTimestampMs: now.getTime() - 60_000,
    scheduleToCloseTimeoutMs: 0,
    retryPolicy: { initialInterval: 1000, backoffCoefficient: 2, maximumInterval: 300_000 },
    ...overrides,
  }) as Info;
const unavailable = new DepartmentUnavailableError('/household/query', 'unavailable', 'HTTP 503');

describe('what a failed attempt does to the failing-activity projection', () => {
  it('records a retried failure with its type, safe words, and the next attempt by the backoff', () => {
    expect(attemptOutcome(info(), unavailable, now)).toEqual({
      kind: 'retrying',
      attempt: {
        workflowId: 'enrolment-2026-PRIMARY_1-k',
        runId: 'run-1',
        activityId: '7',
        activityType: 'verifyHousehold',
        attempt: 3,
        errorType: 'DepartmentUnavailableError',
        failure: 'Data-sharing endpoint /household/query unavailable: HTTP 503',
        failedAt: now,
        // 1 s × 2^(3−1)
        nextAttemptAt: new Date(now.getTime() + 4000),
        givesUpAt: null,
      },
    });
  });

  it('keeps only the type of any other failure, whose message might quote a family', () => {
    const outcome = attemptOutcome(info(), new TypeError('张三 450103… not found'), now);
    expect(outcome).toMatchObject({
      attempt: { errorType: 'TypeError', failure: 'TypeError' },
    });
    const typed = attemptOutcome(
      info(),
      ApplicationFailure.retryable('李四', 'INVALID_STATE'),
      now,
    );
    expect(typed).toMatchObject({
      attempt: { errorType: 'INVALID_STATE', failure: 'INVALID_STATE' },
    });
  });

  it('caps the backoff at the maximum interval and honours a delay the failure asks for', () => {
    expect(attemptOutcome(info({ attempt: 30 }), unavailable, now)).toMatchObject({
      attempt: { nextAttemptAt: new Date(now.getTime() + 300_000) },
    });
    const asked = ApplicationFailure.create({ message: 'later', nextRetryDelay: '10 seconds' });
    expect(attemptOutcome(info(), asked, now)).toMatchObject({
      attempt: { nextAttemptAt: new Date(now.getTime() + 10_000) },
    });
  });

  it('sets when Temporal gives up from the schedule-to-close budget', () => {
    const budgeted = info({ scheduleToCloseTimeoutMs: 3_600_000 });
    expect(attemptOutcome(budgeted, unavailable, now)).toMatchObject({
      attempt: { givesUpAt: new Date(budgeted.scheduledTimestampMs + 3_600_000) },
    });
  });

  it.each([
    ['a non-retryable failure', info(), ApplicationFailure.nonRetryable('no', 'X')],
    [
      'a type the policy does not retry',
      info({ retryPolicy: { nonRetryableErrorTypes: ['DEPARTMENT_REJECTED'] } }),
      ApplicationFailure.retryable('no', 'DEPARTMENT_REJECTED'),
    ],
    ['the last attempt allowed', info({ retryPolicy: { maximumAttempts: 3 } }), unavailable],
    ['a next attempt past the budget', info({ scheduleToCloseTimeoutMs: 61_000 }), unavailable],
    ['a cancellation', info(), new CancelledFailure('cancelled')],
  ])('removes the row after %s: the activity is no longer retried', (_what, activity, error) => {
    expect(attemptOutcome(activity, error, now)).toEqual({ kind: 'final' });
  });
});
