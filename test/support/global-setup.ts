import { ensureTemporalCli } from '../../src/temporal/cli';
import { startDevServer, type RunningDevServer } from '../../src/temporal/dev-server';
import { freePort } from './free-port';

declare global {
  var __TEMPORAL_DEV_SERVER__: RunningDevServer | undefined;
}

/**
 * One real Temporal dev server (in memory, headless) for the whole integration run; every test
 * file isolates itself with its own task queue, database and workflow ids.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_TEMPORAL_ADDRESS) return;
  const server = await startDevServer({
    cliPath: await ensureTemporalCli(),
    port: await freePort(),
    namespace: 'default',
    startupTimeoutMs: 120_000,
  });
  globalThis.__TEMPORAL_DEV_SERVER__ = server;
  process.env.TEST_TEMPORAL_ADDRESS = server.address;
}
