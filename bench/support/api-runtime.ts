import { parseScrape, sampleValue, type Sample } from '../../test/support/prometheus';

/** One scrape of the API's /metrics. */
export async function scrapeApi(apiUrl: string): Promise<Sample[]> {
  return parseScrape(await (await fetch(`${apiUrl}/metrics`)).text());
}

/**
 * The API process's own event loop and garbage collector over the sending, from prom-client's
 * default metrics: how long a ready callback waited for the loop (a submission's every round trip
 * does once), and how much of the sending the collector took. Seconds.
 */
export interface ApiRuntime {
  readonly loopDelay: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly gc: ReadonlyMap<string, number>;
}

const value = (samples: readonly Sample[], name: string) => sampleValue(samples, name, {}) ?? NaN;

function gcSeconds(samples: readonly Sample[]): Map<string, number> {
  const sums = samples.filter((s) => s.name === 'nodejs_gc_duration_seconds_sum');
  return new Map(sums.map((s) => [s.labels.kind ?? '?', s.value]));
}

/**
 * `before` is a scrape just before the sending: prom-client resets its event-loop histogram at
 * every scrape, so `after` describes the sending alone; the collector's time is a counter, taken
 * as the difference.
 */
export function apiRuntime(before: readonly Sample[], after: readonly Sample[]): ApiRuntime {
  const earlier = gcSeconds(before);
  const gc = new Map(
    [...gcSeconds(after)].map(([kind, seconds]) => [kind, seconds - (earlier.get(kind) ?? 0)]),
  );
  return {
    loopDelay: {
      p50: value(after, 'nodejs_eventloop_lag_p50_seconds'),
      p99: value(after, 'nodejs_eventloop_lag_p99_seconds'),
      max: value(after, 'nodejs_eventloop_lag_max_seconds'),
    },
    gc,
  };
}

export function apiRuntimeLine(runtime: ApiRuntime, sentFor: number): string {
  const ms = (seconds: number) => (seconds * 1000).toFixed(0);
  const { p50, p99, max } = runtime.loopDelay;
  const total = [...runtime.gc.values()].reduce((sum, s) => sum + s, 0);
  const kinds = [...runtime.gc]
    .filter(([, seconds]) => seconds > 0)
    .sort((x, y) => y[1] - x[1])
    .map(([kind, seconds]) => `${kind} ${ms(seconds)}`);
  return (
    `  API event loop while sending, ms: delay p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}; ` +
    `garbage collection ${ms(total)} ms (${((100 * total) / sentFor).toFixed(1)} % of the sending): ${kinds.join(', ')}`
  );
}
