import type { ApplicationRepository } from '../db/application-repository';
import type { EnrolmentApplicationInput, TimelineEntry } from '../workflows/messages';

export function recordTransitionActivity(repository: ApplicationRepository) {
  /** Projects one timeline entry into the read model (idempotent by entry.seq). */
  return async function recordTransition(
    application: EnrolmentApplicationInput,
    workflowId: string,
    runId: string,
    entry: TimelineEntry,
  ): Promise<void> {
    await repository.recordTransition(application, { workflowId, runId }, entry);
  };
}
