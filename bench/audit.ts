import { verifyAuditChain } from '../src/db/audit-chain';
import { AuditRepository, type AuditEntry } from '../src/db/audit-repository';
import { createMigratedDatabase } from '../test/support/database';

/**
 * `npm run bench:audit`: how fast the hash-chained audit log takes rows, one statement a row
 * against group commits (AuditRepository.append), side by side. For each count of concurrent
 * writers in BENCH_WRITERS (default 1,8,32), each writer appends rows back to back for
 * BENCH_SECONDS (10) in each mode, on one pool of 10 connections as an API process has; prints
 * rows a second, each append's p50 and p99, and grouped / one by one. The chain is verified at
 * the end, over every row both modes wrote (after 1 000 rows that warm both up).
 */
const writerCounts = (process.env.BENCH_WRITERS ?? '1,8,32').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

const entry = (writer: number, n: number): AuditEntry => ({
  actor: `reviewer:bench-${writer}`,
  role: 'REVIEWER',
  countyCode: '450103',
  action: 'CASE_VIEWED',
  applicationNo: null,
  beforeStatus: null,
  afterStatus: null,
  reason: null,
  requestId: `bench-${writer}-${n}`,
  result: 'SUCCESS',
  statusCode: 200,
  objectType: 'application',
  objectId: `GX2027450103${String(n).padStart(6, '0')}`,
});

interface ModeResult {
  readonly rowsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

async function drive(
  writers: number,
  append: (e: AuditEntry) => Promise<unknown>,
): Promise<ModeResult> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let n = 0; performance.now() < until; n += 1) {
        const t0 = performance.now();
        await append(entry(writer, n));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rowsPerSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

const figures = (r: ModeResult) =>
  `${r.rowsPerSecond.toFixed(0).padStart(6)} rows/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms`;

async function main(): Promise<void> {
  const database = await createMigratedDatabase(10);
  try {
    const audit = new AuditRepository(database.db);
    console.log(`bench:audit: ${seconds} s a mode, writers ${writerCounts.join(', ')}`);
    // Warm the pool, the table and both code paths first: the mode measured first would pay it.
    for (let n = 0; n < 500; n++)
      await Promise.all([audit.insertOne(entry(0, n)), audit.append(entry(1, n))]);
    for (const writers of writerCounts) {
      const alone = await drive(writers, (e) => audit.insertOne(e));
      const grouped = await drive(writers, (e) => audit.append(e));
      console.log(`${String(writers).padStart(3)} writers  one by one: ${figures(alone)}`);
      console.log(`${' '.repeat(13)}grouped:    ${figures(grouped)}`);
      console.log(
        `${' '.repeat(13)}grouped / one by one: rows/s ${(grouped.rowsPerSecond / alone.rowsPerSecond).toFixed(2)}, ` +
          `p99 ${(grouped.p99 / alone.p99).toFixed(2)}`,
      );
    }
    const chain = await verifyAuditChain(database.url);
    console.log(
      `chain: ${chain.broken ? `BROKEN at ${chain.broken.id}` : 'intact'} over ${chain.rows} rows`,
    );
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
