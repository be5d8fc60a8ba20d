import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StatusNotice } from '../../contract';
import { PlatformUnavailableError, StatusNotifier } from './status-notifier';

/** One server: /redirect answers 307 to /target, which counts what reaches it. */
async function redirectingPlatform(): Promise<{ server: Server; url: string; hits: () => number }> {
  let targetHits = 0;
  const server = createServer((req, res) => {
    if (req.url === '/target') {
      targetHits += 1;
      res.writeHead(204).end();
      return;
    }
    res.writeHead(307, { location: '/target' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/redirect`, hits: () => targetHits };
}

describe('StatusNotifier', () => {
  it('treats a redirect as a failure and does not follow it', async () => {
    const platform = await redirectingPlatform();
    try {
      const notifier = new StatusNotifier({ url: platform.url, secret: 's', timeoutMs: 2000 });
      const notice = { deliveryId: 'd-1' } as unknown as StatusNotice;
      await expect(notifier.notify(notice)).rejects.toThrow(PlatformUnavailableError);
      await expect(notifier.notify(notice)).rejects.toThrow(/HTTP 307/);
      expect(platform.hits()).toBe(0);
    } finally {
      await new Promise((resolve) => platform.server.close(resolve));
    }
  });
});
