import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { ScrapeAccess } from './scrape-access';
import { withSdkMetrics } from './sdk-metrics';

export interface RunningMetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * GET /metrics for a process without an HTTP API of its own (a worker on its own), guarded like
 * the API's /metrics (`access`, from observability/scrape-access.ts). The Temporal SDK's metrics
 * follow the registry's.
 */
export function startMetricsServer(
  registry: Registry,
  host: string,
  port: number,
  access: (authorization: string | undefined) => ScrapeAccess,
): Promise<RunningMetricsServer> {
  const server = createServer((req, res) => {
    const allowed = access(req.headers.authorization);
    if (
      req.method !== 'GET' ||
      new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics' ||
      allowed === 'ABSENT'
    ) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (allowed === 'UNAUTHENTICATED') {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('a bearer token is required\n');
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
