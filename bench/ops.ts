import { createApiApp } from '../src/api/create-app';
import { signAccessToken } from '../src/auth/jwt';
import { accessTokenSettings } from '../src/config/config';
import { generateFamilies } from '../src/simulator/families';
import { startBenchStack } from './support/stack';

/**
 * `npm run bench:ops`: BENCH_CASES (default 10 000) cases, started BENCH_START_CONCURRENCY (50) at
 * a time, pile up in VERIFYING while the household registry answers every call with 503. Once
 * every one counts as ACTIVITY_FAILING (its check failed twice), the operations console is timed
 * over HTTP: counts and the ACTIVITY_FAILING list (both read the worker's failing-activity
 * projection, no describe per case), every page of the list, one inspect. Then the registry comes
 * back, bulk retry (100 cases a request) runs the first BENCH_RETRY (1000) cases' checks at once,
 * the others recover at their next backoff; then the time until every case has reached
 * AWAITING_REVIEW and the projection is empty.
 */
const cases = Number(process.env.BENCH_CASES ?? 10_000);
const startConcurrency = Number(process.env.BENCH_START_CONCURRENCY ?? 50);
const retryCases = Number(process.env.BENCH_RETRY ?? 1000);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const stack = await startBenchStack({ name: 'ops', temporalPort: 7951, population: cases * 5 });
  const { db, client, simulator, config } = stack;
  simulator.faults.set('household', { errorRate: 1 });
  const { worker, running } = await stack.startWorker();
  const api = await createApiApp({
    config: { ...config, LOG_LEVEL: 'warn' },
    temporal: client,
    db,
  });
  await api.listen(0, '127.0.0.1');
  const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  const token = await signAccessToken(
    { role: 'REGION_ADMIN', sub: 'bench' },
    accessTokenSettings(config),
  );
  const call = async (path: string, body?: unknown) => {
    const t0 = performance.now();
    const response = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
    return { json, ms: performance.now() - t0 };
  };

  const families = generateFamilies(11, cases * 5)
    .filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')
    .slice(0, cases);
  const startedAt = performance.now();
  await stack.startCases(
    families,
    {
      verificationAttemptTimeoutMs: 15_000,
      verificationRetryBudgetMs: 6 * 3_600_000,
      reviewSlaMs: 86_400_000,
    },
    startConcurrency,
  );
  const startSeconds = (performance.now() - startedAt) / 1000;
  process.stdout.write(
    `${families.length} cases started in ${startSeconds.toFixed(0)} s (${startConcurrency} at a time); waiting for each household check to fail twice...\n`,
  );

  const failingNow = async () =>
    ((await call('/ops/counts')).json.byProblem as Record<string, number>).ACTIVITY_FAILING ?? 0;
  let failing = 0;
  for (let i = 0; i < 7200 && failing < families.length; i += 1) {
    await new Promise((r) => setTimeout(r, 5000));
    failing = await failingNow();
    if (i % 12 === 0) process.stdout.write(`  ${failing} failing\n`);
  }
  const runningCases = (await call('/ops/counts')).json.running as number;
  const countTimes: number[] = [];
  for (let i = 0; i < 5; i += 1) countTimes.push((await call('/ops/counts')).ms);

  const firstPageTimes: number[] = [];
  for (let i = 0; i < 5; i += 1)
    firstPageTimes.push((await call('/ops/cases?problem=ACTIVITY_FAILING&limit=100')).ms);
  const pageTimes: number[] = [];
  const applicationNos: string[] = [];
  let pageToken: string | null = null;
  do {
    const query: string = `/ops/cases?problem=ACTIVITY_FAILING&limit=100${pageToken ? `&pageToken=${pageToken}` : ''}`;
    const page = await call(query);
    pageTimes.push(page.ms);
    for (const item of page.json.items as { applicationNo: string }[])
      applicationNos.push(item.applicationNo);
    pageToken = page.json.nextPageToken as string | null;
  } while (pageToken);
  const inspect = await call(`/ops/cases/${applicationNos[0]}`);
  const attempts = (
    await Promise.all(
      applicationNos.slice(0, 20).map(async (no) => (await call(`/ops/cases/${no}`)).json),
    )
  ).map((c) => (c.pendingActivities as { attempt: number }[])[0]?.attempt ?? 0);

  // The console's figures now: the recovery below can take half an hour.
  process.stdout.write(
    [
      `${runningCases} running cases, ${failing} counted with a failing household check (${stack.engineLabel}, 2 cores; API, worker and simulator in this process)`,
      `  GET /ops/counts (failing-activity projection, read model, one visibility count): median ${median(countTimes).toFixed(0)} ms (${countTimes.map((t) => t.toFixed(0)).join(', ')})`,
      `  GET /ops/cases?problem=ACTIVITY_FAILING&limit=100, first page: median ${median(firstPageTimes).toFixed(0)} ms (${firstPageTimes.map((t) => t.toFixed(0)).join(', ')})`,
      `  every page of it: ${pageTimes.length} pages, median ${median(pageTimes).toFixed(0)} ms a page, slowest ${Math.max(...pageTimes).toFixed(0)} ms, found ${applicationNos.length}`,
      `  GET /ops/cases/:no (inspect): ${inspect.ms.toFixed(0)} ms; attempts of the failing check when retried: ${Math.min(...attempts)}–${Math.max(...attempts)}`,
    ].join('\n') + '\n',
  );

  simulator.faults.clear('household');
  const retryStarted = performance.now();
  const bulkTimes: number[] = [];
  let retried = 0;
  const toRetry = applicationNos.slice(0, retryCases);
  for (let i = 0; i < toRetry.length; i += 100) {
    const bulk = await call('/ops/bulk/retry', {
      applicationNos: toRetry.slice(i, i + 100),
      reason: 'household registry back (bench)',
    });
    bulkTimes.push(bulk.ms);
    retried += bulk.json.succeeded as number;
  }
  const retryMs = performance.now() - retryStarted;
  let verified = 0;
  while (verified < families.length && performance.now() - retryStarted < 3_600_000) {
    await new Promise((r) => setTimeout(r, 1000));
    verified = await db.application.count({ where: { status: 'AWAITING_REVIEW' } });
  }
  const allVerifiedMs = performance.now() - retryStarted;
  const failingAfter = await failingNow();
  const rowsAfter = await db.failingActivity.count();

  process.stdout.write(
    [
      `  POST /ops/bulk/retry (100 a request): ${retried} retried in ${(retryMs / 1000).toFixed(1)} s (median ${median(bulkTimes).toFixed(0)} ms a request); the rest recover at their next backoff`,
      `  all ${verified} at AWAITING_REVIEW ${(allVerifiedMs / 1000).toFixed(1)} s after the first retry; then ACTIVITY_FAILING ${failingAfter}, projection rows ${rowsAfter}`,
    ].join('\n') + '\n',
  );

  await api.close();
  worker.shutdown();
  await running;
  await stack.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
