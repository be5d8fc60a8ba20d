import { createServer } from 'node:net';
import type { MetricsExporterConfig } from '@temporalio/worker';

/**
 * The Temporal SDK's own metrics (task slots, schedule-to-start latency, sticky cache hits and
 * misses, poll results…), which its Rust core exports in Prometheus text on an address of its
 * own. The core listens on loopback only, on a port chosen at start; each /metrics this process
 * serves appends that text, so one scrape per process sees the service's metrics and the SDK's
 * side by side, and a deployment has no second port per worker to allocate.
 */
let sdkMetricsUrl: string | undefined;

/** A loopback port free right now (the core's exporter needs a concrete address, not port 0). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no loopback port')),
      );
    });
  });
}

/** The exporter settings for `Runtime.install`, remembering where to read the text back. */
export async function sdkMetricsExporter(): Promise<MetricsExporterConfig> {
  const bindAddress = `127.0.0.1:${await freeLoopbackPort()}`;
  sdkMetricsUrl = `http://${bindAddress}/metrics`;
  return {
    metricPrefix: 'temporal_',
    prometheus: { bindAddress, useSecondsForDurations: true },
  };
}

/**
 * The SDK's metrics as Prometheus text, or '' in a process without a worker runtime. A failed
 * read leaves them out of this scrape rather than failing the service's own metrics.
 */
export async function sdkMetricsText(): Promise<string> {
  if (!sdkMetricsUrl) return '';
  try {
    const response = await fetch(sdkMetricsUrl, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

/** The service's registry text followed by the SDK's, as one exposition. */
export async function withSdkMetrics(serviceText: string): Promise<string> {
  const sdk = await sdkMetricsText();
  if (!sdk) return serviceText;
  return `${serviceText.endsWith('\n') ? serviceText : `${serviceText}\n`}${sdk}`;
}
