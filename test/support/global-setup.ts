import { ensureTemporalCli } from '../../src/temporal/cli';
import { startDevServer, type RunningDevServer } from '../../src/temporal/dev-server';
import { buildForChildProcesses } from './build';
import { freePort } from './free-port';
import { scaled } from './time-scale';

declare global {
  var __TEMPORAL_DEV_SERVER__: RunningDevServer | undefined;
}

/**
 * One real Temporal dev server (in memory, headless) for the whole integration run; every test
 * file isolates itself with its own task queue, database and workflow ids. And the build the
 * tests' child processes run (worker-process.ts).
 */
export default async function globalSetup(): Promise<void> {
  buildForChildProcesses();
  if (process.env.TEST_TEMPORAL_ADDRESS) return;
  const server = await startDevServer({
    cliPath: await ensureTemporalCli(),
    port: await freePort(),
    namespace: 'default',
    startupTimeoutMs: scaled(120_000),
  });
  globalThis.__TEMPORAL_DEV_SERVER__ = server;
  process.env.TEST_TEMPORAL_ADDRESS = server.address;
}
