import { log, proxyActivities } from '@temporalio/workflow';
import type { Activities, RetentionInput, RetentionReport } from '../contract';
import { RETENTION_POLICY } from '../domain/retention/policy';

const { planRetention, anonymiseDueCases, deleteExpiredIdempotencyRecords } =
  proxyActivities<Activities>({
    startToCloseTimeout: '10 minutes',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
  });

/** Cases per activity: one transaction each, small enough to finish well within its time-out. */
const BATCH_SIZE = 200;

/**
 * Carries out the retention policy (src/domain/retention/policy.ts) once, as the Temporal
 * Schedule or `npm run retention` starts it: closed cases of seasons past their period are
 * anonymised batch by batch with their documents, then old idempotency records go. It reports
 * counts only; a dry run counts and changes nothing.
 */
export async function retention(input: RetentionInput = {}): Promise<RetentionReport> {
  const asOf = input.asOf ?? new Date().toISOString();
  const policyVersion = RETENTION_POLICY.version;
  if (input.dryRun) {
    const plan = await planRetention(asOf);
    log.info('retention dry run', { ...plan, asOf, policyVersion });
    return { ...plan, dryRun: true, asOf, policyVersion };
  }
  const totals = { casesAnonymised: 0, documentsDeleted: 0, auditRowsKept: 0 };
  for (;;) {
    const batch = await anonymiseDueCases(asOf, BATCH_SIZE);
    totals.casesAnonymised += batch.casesAnonymised;
    totals.documentsDeleted += batch.documentsDeleted;
    totals.auditRowsKept += batch.auditRowsKept;
    if (batch.casesAnonymised < BATCH_SIZE) break;
  }
  const idempotencyRecordsDeleted = await deleteExpiredIdempotencyRecords(asOf);
  const report = { ...totals, idempotencyRecordsDeleted, dryRun: false, asOf, policyVersion };
  log.info('retention run', report);
  return report;
}
