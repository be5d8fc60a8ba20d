import { createApiApp } from '../src/api/create-app';
import { signAccessToken } from '../src/auth/jwt';
import { accessTokenSettings } from '../src/config/config';
import { generateFamilies } from '../src/simulator/families';
import { startBenchStack } from './support/stack';

/**
 * `npm run bench:ops`: BENCH_CASES (default 1000) cases pile up in VERIFYING while the household
 * registry answers every call with 503. Then the operations console is timed over HTTP: counts
 * (a scan that describes every running case), every page of ACTIVITY_FAILING, one inspect. Once
 * every check has failed 5 times (its next attempt 16-32 s away), the registry comes back and bulk
 * retry (100 cases a request) runs each failing check at once; then the time until every case has
 * reached AWAITING_REVIEW.
 */
const cases = Number(process.env.BENCH_CASES ?? 1000);
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
  await stack.startCases(families, {
    verificationAttemptTimeoutMs: 15_000,
    verificationRetryBudgetMs: 6 * 3_600_000,
    reviewSlaMs: 86_400_000,
  });
  process.stdout.write(
    `${families.length} cases started; waiting for each household check to fail 5 times...\n`,
  );

  let counts = await call('/ops/counts?minAttempts=5');
  for (let i = 0; i < 600; i += 1) {
    const failing = (counts.json.byProblem as Record<string, number>).ACTIVITY_FAILING ?? 0;
    if (failing === families.length) break;
    await new Promise((r) => setTimeout(r, 1000));
    counts = await call('/ops/counts?minAttempts=5');
  }
  const countTimes = [counts.ms];
  for (let i = 0; i < 2; i += 1) countTimes.push((await call('/ops/counts')).ms);

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

  simulator.faults.clear('household');
  const retryStarted = performance.now();
  const bulkTimes: number[] = [];
  let retried = 0;
  for (let i = 0; i < applicationNos.length; i += 100) {
    const bulk = await call('/ops/bulk/retry', {
      applicationNos: applicationNos.slice(i, i + 100),
      reason: 'household registry back (bench)',
    });
    bulkTimes.push(bulk.ms);
    retried += bulk.json.succeeded as number;
  }
  const retryMs = performance.now() - retryStarted;
  let verified = 0;
  while (verified < families.length && performance.now() - retryStarted < 600_000) {
    await new Promise((r) => setTimeout(r, 250));
    verified = await db.application.count({ where: { status: 'AWAITING_REVIEW' } });
  }
  const allVerifiedMs = performance.now() - retryStarted;

  process.stdout.write(
    [
      `${families.length} running cases, each with a failing household check (Temporal dev server on SQLite, 2 cores; API, worker and simulator in this process)`,
      `  GET /ops/counts (scans and describes every running case): median ${median(countTimes).toFixed(0)} ms (${countTimes.map((t) => t.toFixed(0)).join(', ')})`,
      `  GET /ops/cases?problem=ACTIVITY_FAILING&limit=100: ${pageTimes.length} pages, median ${median(pageTimes).toFixed(0)} ms a page, found ${applicationNos.length}`,
      `  GET /ops/cases/:no (inspect): ${inspect.ms.toFixed(0)} ms; attempts of the failing check when retried: ${Math.min(...attempts)}–${Math.max(...attempts)}`,
      `  POST /ops/bulk/retry (100 a request): ${retried} retried in ${(retryMs / 1000).toFixed(1)} s (median ${median(bulkTimes).toFixed(0)} ms a request)`,
      `  all ${verified} at AWAITING_REVIEW ${(allVerifiedMs / 1000).toFixed(1)} s after the first retry`,
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
