import {
  condition,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { REOPENABLE_STATUSES } from '../../domain/enrolment';
import {
  applyAgainUpdate,
  CASE_NOTICES_WORKFLOW_TYPE,
  caseNoticesWorkflowId,
  type AppliedAgain,
  type CaseNoticesWorkflow,
} from '../../contract';
import type { EnrolmentCase } from './case-state';
import { refuse } from './refusals';

/*
 * The child applies again after this case ended without a place (api/applications/
 * reapplication.ts). The new case takes this run's workflow id, so this run must close: a
 * rejection's appeal period ends unused (enrolment/appeals.ts), and the notices the platform has
 * not taken yet go to a run of their own instead of holding this one through an outage.
 */

/** Marks the runs that hand their undelivered notices on once the child applied again. */
export const NOTICES_HANDED_ON = 'notices-handed-on';

export function handleApplyingAgain(c: EnrolmentCase): void {
  const check = () => {
    // A case that may still get a place is not over, and neither is one with an appeal waiting.
    const appealWaiting = c.appeal !== null && c.appeal.outcome === null;
    if (!REOPENABLE_STATUSES.includes(c.status) || appealWaiting) refuse(c, 'APPLY_AGAIN');
  };
  setHandler(
    applyAgainUpdate,
    // Who applied is on the new case; this one only learns that it is over.
    async (_applied: AppliedAgain) => {
      while (c.busy) await condition(() => !c.busy);
      check();
      c.appliedAgain = true;
    },
    { validator: (_applied: AppliedAgain) => (c.busy ? undefined : check()) },
  );
}

/**
 * The run's last step: its notices reach the platform in order, or, once the child applied
 * again, whatever is left goes on in a child run that outlives this one.
 */
export async function deliverLastNotices(
  c: EnrolmentCase,
  notifying: Promise<void>,
): Promise<void> {
  c.closeOutbox();
  await Promise.race([notifying, condition(() => c.appliedAgain)]);
  const unsent = c.unsentNotices();
  if (unsent.length === 0) return;
  // Runs recorded before the hand-on delivered their last notices themselves.
  if (!patched(NOTICES_HANDED_ON)) return notifying;
  await startChild<CaseNoticesWorkflow>(CASE_NOTICES_WORKFLOW_TYPE, {
    workflowId: caseNoticesWorkflowId(workflowInfo().runId),
    args: [unsent],
    parentClosePolicy: ParentClosePolicy.ABANDON,
  });
}
