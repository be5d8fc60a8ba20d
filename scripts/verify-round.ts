import { verifyRound } from '../src/domain/allocation/verify';
import { loadConfig } from '../src/config/config';
import { createDb } from '../src/db/prisma-client';
import { RoundRepository } from '../src/db/round-repository';
import { columnSealerOf } from '../src/encryption/sealer';
import { databaseUrl } from '../src/main/database';

/**
 * `npm run verify-round -- <roundId>`: recomputes an admission round from what it published
 * (the revealed seed, the frozen applicant list, the schools) and says MATCH or where it differs.
 */
async function main(): Promise<void> {
  const roundId = process.argv[2];
  if (!roundId) throw new Error('usage: npm run verify-round -- <roundId>');
  const config = loadConfig();
  const db = createDb({ url: databaseUrl(config), poolMax: 2 });
  try {
    const published = await new RoundRepository(db, columnSealerOf(config)).publishedRound(roundId);
    if (!published) throw new Error(`round ${roundId} has not been drawn`);
    const verification = verifyRound(published);
    process.stdout.write(
      `${verification.verdict}\n${verification.differences.map((d) => `  ${d}`).join('\n')}\n`,
    );
    process.exitCode = verification.verdict === 'MATCH' ? 0 : 2;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
