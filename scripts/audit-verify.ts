import { loadConfig } from '../src/config/config';
import { verifyAuditChain } from '../src/db/audit-chain';
import { databaseUrl } from '../src/main/database';

/**
 * `npm run audit:verify`: walks the audit log's hash chain and names the first row that breaks it
 * (exit code 3), or prints the chain's head (the last row's id and hash) to keep elsewhere.
 */
async function main(): Promise<void> {
  const report = await verifyAuditChain(databaseUrl(loadConfig()));
  if (report.broken) {
    process.stdout.write(
      `BROKEN at audit_log id ${report.broken.id}: ${report.broken.problem} (${report.rows} rows before it are intact)\n`,
    );
    process.exitCode = 3;
    return;
  }
  const head = report.head ? `; head id ${report.head.id} hash ${report.head.hash}` : '';
  process.stdout.write(`INTACT: ${report.rows} rows${head}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
