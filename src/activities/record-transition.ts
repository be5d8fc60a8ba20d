import type { Client } from '@temporalio/client';
import type { ApplicationRepository } from '../db/application-repository';
import type { EnrolmentApplicationInput, TimelineEntry } from '../contract';

export function recordTransitionActivities(repository: ApplicationRepository, temporal: Client) {
  /**
   * Projects one timeline entry into the read model (idempotent by entry.seq). After an operator's
   * reset the read model still follows the old run; the new run takes it over from this entry on,
   * while a late write from a run that is no longer current is dropped.
   */
  async function recordTransition(
    application: EnrolmentApplicationInput,
    workflowId: string,
    runId: string,
    entry: TimelineEntry,
  ): Promise<void> {
    const run = { workflowId, runId };
    if ((await repository.recordTransition(application, run, entry)) === 'recorded') return;
    const current = await temporal.workflow.getHandle(workflowId).describe();
    if (current.runId !== runId) return;
    await repository.adoptRun(application.applicationNo, runId, entry.seq - 1);
    await repository.recordTransition(application, run, entry);
  }

  /** Several steps in order; a retry writes again only what a failed attempt did not. */
  async function recordTransitions(
    application: EnrolmentApplicationInput,
    workflowId: string,
    runId: string,
    entries: readonly TimelineEntry[],
  ): Promise<void> {
    for (const entry of entries) await recordTransition(application, workflowId, runId, entry);
  }

  return { recordTransition, recordTransitions };
}
