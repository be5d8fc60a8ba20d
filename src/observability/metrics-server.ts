import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { withSdkMetrics } from './sdk-metrics';

export interface RunningMetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * GET /metrics for a process without an HTTP API of its own (a worker on its own), to be scraped
 * from inside the network: no token, like the API's /metrics. The Temporal SDK's metrics follow
 * the registry's.
 */
export function startMetricsServer(
  registry: Registry,
  host: string,
  port: number,
): Promise<RunningMetricsServer> {
  const server = createServer((req, res) => {
    if (
      req.method !== 'GET' ||
      new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics'
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry
      .metrics()
      .then(withSdkMetrics)
      .then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: unknown) =>
          res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
      );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/metrics`,
        close: () =>
          new Promise<void>((done, failed) =>
            server.close((error) => (error ? failed(error) : done())),
          ),
      });
    });
  });
}
