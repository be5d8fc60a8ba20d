import type { Info } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { msOptionalToNumber } from '@temporalio/common/lib/time';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { FailedAttempt, FailingActivityRepository } from '../db/failing-activity-repository';
import { DepartmentUnavailableError } from '../integration/data-sharing/client';
import { applicationNoOf } from './application-log-attributes';

/** What a failed attempt does to the projection: a row for the retry to come, or none. */
export type AttemptOutcome =
  | { readonly kind: 'retrying'; readonly attempt: Omit<FailedAttempt, 'applicationNo'> }
  | { readonly kind: 'final' };

/**
 * Keeps the failing-activity projection (issue 18) as a case's activities fail and recover, so
 * the operations console counts failing cases without describing every running workflow. An
 * attempt that fails records the activity (upsert); one that succeeds after a failure, or a
 * failure Temporal will not retry, removes it. A first attempt that succeeds writes nothing:
 * no row can exist for it unless an operator reset the activity, and the console's retry clears
 * those rows itself. Activities without an application number (admission rounds) are not cases
 * and are left out. A projection write that fails is logged and never changes the activity's
 * outcome.
 */
export function failingActivityProjection(
  store: Pick<FailingActivityRepository, 'record' | 'clear'>,
): ActivityInterceptorsFactory {
  return (ctx) => ({
    inbound: {
      async execute(input, next) {
        const applicationNo = input.args.map(applicationNoOf).find((no) => no !== undefined);
        const run = ctx.info.workflowExecution;
        if (!applicationNo || !run) return next(input);
        const keep = async (write: () => Promise<void>) => {
          try {
            await write();
          } catch (error) {
            ctx.log.warn('failing-activity projection not updated', { error: String(error) });
          }
        };
        let result: unknown;
        try {
          result = await next(input);
        } catch (error) {
          const outcome = attemptOutcome(ctx.info, error, new Date());
          await keep(() =>
            outcome.kind === 'final'
              ? store.clear(run.workflowId, ctx.info.activityId)
              : store.record({ ...outcome.attempt, applicationNo }),
          );
          throw error;
        }
        if (ctx.info.attempt > 1)
          await keep(() => store.clear(run.workflowId, ctx.info.activityId));
        return result;
      },
    },
  });
}

/** Whether Temporal retries this failure, and when; the row the projection keeps for it. */
export function attemptOutcome(info: Info, error: unknown, now: Date): AttemptOutcome {
  const policy = info.retryPolicy ?? {};
  const errorType = errorTypeOf(error);
  const nonRetryable =
    error instanceof CancelledFailure ||
    (error instanceof ApplicationFailure && error.nonRetryable === true) ||
    (policy.nonRetryableErrorTypes ?? []).includes(errorType);
  const lastAttempt = (policy.maximumAttempts ?? 0) > 0 && info.attempt >= policy.maximumAttempts!;
  const givesUpAt =
    info.scheduleToCloseTimeoutMs > 0
      ? new Date(info.scheduledTimestampMs + info.scheduleToCloseTimeoutMs)
      : null;
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(info, error));
  if (nonRetryable || lastAttempt || (givesUpAt && nextAttemptAt >= givesUpAt))
    return { kind: 'final' };
  return {
    kind: 'retrying',
    attempt: {
      workflowId: info.workflowExecution!.workflowId,
      runId: info.workflowExecution!.runId,
      activityId: info.activityId,
      activityType: info.activityType,
      attempt: info.attempt,
      errorType,
      failure: safeFailureText(error, errorType),
      failedAt: now,
      nextAttemptAt,
      givesUpAt,
    },
  };
}

/** Temporal's backoff: the failure's own delay, else initial × coefficient^(attempt−1), capped. */
function retryDelayMs(info: Info, error: unknown): number {
  if (error instanceof ApplicationFailure && error.nextRetryDelay != null)
    return msOptionalToNumber(error.nextRetryDelay) ?? 0;
  const policy = info.retryPolicy ?? {};
  const initial = msOptionalToNumber(policy.initialInterval) ?? 1000;
  const maximum = msOptionalToNumber(policy.maximumInterval) ?? initial * 100;
  const delay = initial * (policy.backoffCoefficient ?? 2) ** (info.attempt - 1);
  return Math.min(delay, maximum);
}

function errorTypeOf(error: unknown): string {
  if (error instanceof ApplicationFailure) return error.type ?? 'ApplicationFailure';
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Only failures whose text is built from the department's endpoint and the HTTP outcome are
 * kept in words; any other message might quote a family's data, so its type stands in for it.
 */
function safeFailureText(error: unknown, errorType: string): string {
  return error instanceof DepartmentUnavailableError ? error.message : errorType;
}
