import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { connectTemporalClient } from '../src/temporal/client';
import { runRetentionNow } from '../src/worker/retention-schedule';

const USAGE = `Runs the retention policy once now, through the worker's retention workflow, and prints
what it did (counts only). The Temporal Schedule runs the same workflow every night.

usage:
  npm run retention -- --dry-run   count what is due; change nothing
  npm run retention                anonymise, delete and count now
`;

/**
 * `npm run retention [-- --dry-run]`: needs the service's worker on TEMPORAL_TASK_QUEUE (as
 * `npm start` runs it) and the same environment as the worker.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const config = loadConfig();
  const client = await connectTemporalClient(config);
  try {
    const report = await runRetentionNow(client, config.TEMPORAL_TASK_QUEUE, {
      dryRun: values['dry-run'],
    });
    const verb = report.dryRun ? 'would' : 'did';
    process.stdout.write(
      [
        `retention policy ${report.policyVersion} as of ${report.asOf} (${report.dryRun ? 'dry run' : 'run'})`,
        `  closed cases anonymised (${verb}): ${report.casesAnonymised}`,
        `  documents deleted from storage (${verb}): ${report.documentsDeleted}`,
        `  idempotency records deleted (${verb}): ${report.idempotencyRecordsDeleted}`,
        `  audit rows of those cases, kept: ${report.auditRowsKept}`,
        '',
      ].join('\n'),
    );
  } finally {
    await client.connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
});
