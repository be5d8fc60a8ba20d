import { buildForChildProcesses } from './build';
import {
  startDisposableTemporalServer,
  TEST_SERVER_POOLS,
  type DisposableTemporalServer,
} from './disposable-temporal-server';
import { scaled } from './time-scale';

declare global {
  var __TEMPORAL_SERVER__: DisposableTemporalServer | undefined;
}

/**
 * The `integration-server` project: the production engine (Temporal server on PostgreSQL, SQL
 * visibility) for the whole run. Its address goes in a variable of its own, so the dev-server
 * project's set-up, run in the same process, does not take it.
 */
export default async function globalSetup(): Promise<void> {
  buildForChildProcesses();
  if (process.env.TEST_TEMPORAL_SERVER_ADDRESS) return;
  const server = await startDisposableTemporalServer(scaled(60_000), TEST_SERVER_POOLS);
  globalThis.__TEMPORAL_SERVER__ = server;
  process.env.TEST_TEMPORAL_SERVER_ADDRESS = server.address;
}
