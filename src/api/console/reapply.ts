import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { RecordedAction } from '../../domain/case-history/reset-plan';
import type { CaseRuns, RunRef } from '../../case-runs/case-runs';
import { caseViewQuery } from '../../contract';
import { pollUntil } from './poll-until';

/** Statuses the code leaves on its own; a re-applied decision waits for the case to leave them. */
const TRANSIENT: readonly string[] = ['SUBMITTED', 'VERIFYING'];
const REAPPLY_WAIT_MS = 60_000;

export interface ActionResult {
  readonly action: string;
  readonly by: string;
  readonly applied: boolean;
  readonly status?: string;
  readonly refusal?: string;
}

/**
 * Sends one decision to the new run once the code has finished what it redoes. The run's
 * validators judge it as they judged the person's: a refusal is reported, not thrown.
 */
export async function reapply(
  runs: CaseRuns,
  run: RunRef,
  action: RecordedAction,
  identity: string,
): Promise<ActionResult> {
  const handle = runs.handle(run, identity);
  const described = { action: action.name, by: action.identity };
  await pollUntil(
    async () => (await handle.query(caseViewQuery)).status,
    (status) => !TRANSIENT.includes(status),
    REAPPLY_WAIT_MS,
  );
  try {
    if (action.kind === 'signal') {
      await handle.signal(action.name, ...action.args);
      return { ...described, applied: true };
    }
    const [first, ...rest] = action.args;
    const result = await handle.executeUpdate<{ status: string }, [unknown, ...unknown[]]>(
      action.name,
      { args: [first, ...rest] },
    );
    return { ...described, applied: true, status: result.status };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError)
      return { ...described, applied: false, refusal: 'The case has closed.' };
    if (!(error instanceof WorkflowUpdateFailedError)) throw error;
    return { ...described, applied: false, refusal: error.cause?.message ?? error.message };
  }
}

/** A recorded action as the console lists it. */
export function describeAction(action: RecordedAction) {
  return {
    action: action.name,
    by: action.identity,
    at: action.at,
    eventId: action.eventId || null,
  };
}
