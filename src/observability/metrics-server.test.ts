import { Registry } from 'prom-client';
import { startMetricsServer, type RunningMetricsServer } from './metrics-server';
import { scrapeAccess } from './scrape-access';

const TOKEN = 'metrics-scrape-token-0123456789abcdef';

/** A worker's /metrics as one configuration serves it, over real HTTP on a free port. */
async function scrape(
  config: Parameters<typeof scrapeAccess>[0],
  authorization?: string,
): Promise<{ status: number; body: string }> {
  let server: RunningMetricsServer | undefined;
  try {
    server = await startMetricsServer(new Registry(), '127.0.0.1', 0, (given) =>
      scrapeAccess(config, given),
    );
    const response = await fetch(server.url, {
      headers: authorization ? { authorization } : {},
    });
    return { status: response.status, body: await response.text() };
  } finally {
    await server?.close();
  }
}

describe("a worker's /metrics", () => {
  it('is absent in production without METRICS_TOKEN', async () => {
    expect(await scrape({ NODE_ENV: 'production', METRICS_TOKEN: undefined })).toMatchObject({
      status: 404,
    });
  });

  it('refuses a scraper without the token, or with another, when METRICS_TOKEN is set', async () => {
    const config = { NODE_ENV: 'production', METRICS_TOKEN: TOKEN } as const;
    expect((await scrape(config)).status).toBe(401);
    expect((await scrape(config, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(config, TOKEN)).status).toBe(401);
  });

  it('serves a scraper that sends the token, and anyone in development', async () => {
    const served = await scrape(
      { NODE_ENV: 'production', METRICS_TOKEN: TOKEN },
      `Bearer ${TOKEN}`,
    );
    expect(served.status).toBe(200);
    expect((await scrape({ NODE_ENV: 'development', METRICS_TOKEN: undefined })).status).toBe(200);
  });
});
