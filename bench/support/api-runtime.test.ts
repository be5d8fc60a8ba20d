import { parseScrape } from '../../test/support/prometheus';
import { apiRuntime, apiRuntimeLine } from './api-runtime';

const scrape = (gc: { major: number; minor: number }, lagP99: number) =>
  parseScrape(
    [
      '# HELP nodejs_eventloop_lag_p99_seconds The 99th percentile of the recorded event loop delays.',
      `nodejs_eventloop_lag_p50_seconds 0.011`,
      `nodejs_eventloop_lag_p99_seconds ${lagP99}`,
      `nodejs_eventloop_lag_max_seconds 0.25`,
      `nodejs_gc_duration_seconds_sum{kind="major"} ${gc.major}`,
      `nodejs_gc_duration_seconds_count{kind="major"} 3`,
      `nodejs_gc_duration_seconds_sum{kind="minor"} ${gc.minor}`,
    ].join('\n'),
  );

describe("the API's runtime over the sending", () => {
  const before = scrape({ major: 1.5, minor: 0.25 }, 2);
  const after = scrape({ major: 2, minor: 1.25 }, 0.08);

  it('takes the collector’s time as the difference and the loop’s delay from the last scrape', () => {
    const runtime = apiRuntime(before, after);
    expect(runtime.gc).toEqual(
      new Map([
        ['major', 0.5],
        ['minor', 1],
      ]),
    );
    expect(runtime.loopDelay).toEqual({ p50: 0.011, p99: 0.08, max: 0.25 });
  });

  it('prints milliseconds, the share of the sending, the largest kind first', () => {
    expect(apiRuntimeLine(apiRuntime(before, after), 100)).toBe(
      '  API event loop while sending, ms: delay p50 11, p99 80, max 250; ' +
        'garbage collection 1500 ms (1.5 % of the sending): minor 1000, major 500',
    );
  });
});
