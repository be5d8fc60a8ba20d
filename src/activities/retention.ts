import type { AnonymisedBatch, RetentionActivities } from '../contract';
import type { RetentionRepository } from '../db/retention-repository';
import { idempotencyCutoff, latestSeasonDue } from '../domain/retention/policy';
import type { AttachmentStore } from '../storage/attachment-store';

/**
 * Retention's side effects, each safe to retry: a batch deletes its documents first and then
 * anonymises its cases in one transaction, so a retry finds the same cases and files already gone.
 */
export function retentionActivities(
  repository: RetentionRepository,
  store: AttachmentStore,
): RetentionActivities {
  return {
    planRetention(asOf) {
      const now = new Date(asOf);
      return repository.countDue(latestSeasonDue(now), idempotencyCutoff(now));
    },

    async anonymiseDueCases(asOf, batchSize): Promise<AnonymisedBatch> {
      const { cases, documents } = await repository.nextBatch(
        latestSeasonDue(new Date(asOf)),
        batchSize,
      );
      if (!cases.length) return { casesAnonymised: 0, documentsDeleted: 0, auditRowsKept: 0 };
      let documentsDeleted = 0;
      for (const key of documents) if (await store.delete(key)) documentsDeleted += 1;
      const auditRowsKept = await repository.anonymise(cases, new Date());
      return { casesAnonymised: cases.length, documentsDeleted, auditRowsKept };
    },

    deleteExpiredIdempotencyRecords(asOf) {
      return repository.deleteIdempotencyRecords(idempotencyCutoff(new Date(asOf)));
    },
  };
}
