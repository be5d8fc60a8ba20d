import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { resealStoredData } from '../src/db/reseal';
import { columnSealerOf } from '../src/encryption/sealer';
import { databaseUrl } from '../src/main/database';

/**
 * `npm run reseal`: seals the personal data stored before encryption at rest, and re-seals what
 * an older COLUMN_ENCRYPTION_KEYS key still wraps (docs/data-protection.md). Prints the counts.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = new Client({ connectionString: databaseUrl(config) });
  await db.connect();
  try {
    const counts = await resealStoredData(
      db,
      columnSealerOf(config),
      join(config.DATA_DIR, 'attachments'),
    );
    for (const [what, n] of Object.entries(counts)) process.stdout.write(`${what}: ${n}\n`);
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
