import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresEndpoint } from '../../src/main/temporal-engine';
import { startTemporalServer, type RunningTemporalServer } from '../../src/temporal/server';
import { requireTemporalServer } from '../../src/temporal/server-install';
import { buildForChildProcesses } from './build';
import { ADMIN_DATABASE_URL } from './database';
import { freeServerPorts } from './server-ports';
import { scaled } from './time-scale';

export interface TestTemporalServer {
  readonly server: RunningTemporalServer;
  readonly root: string;
  readonly databases: readonly string[];
}

declare global {
  var __TEMPORAL_SERVER__: TestTemporalServer | undefined;
}

/**
 * The `integration-server` project: the production engine (Temporal server on PostgreSQL, SQL
 * visibility) for the whole run, set up as `TEMPORAL_MODE=server npm start` sets it up: fresh
 * databases and schemas, the namespace and the search attributes. Its address goes in a variable
 * of its own, so the dev-server project's set-up, run in the same process, does not take it.
 */
export default async function globalSetup(): Promise<void> {
  buildForChildProcesses();
  if (process.env.TEST_TEMPORAL_SERVER_ADDRESS) return;
  const { endpoint, database } = postgresEndpoint(ADMIN_DATABASE_URL);
  const name = `gx_test_temporal_${randomBytes(5).toString('hex')}`;
  const databases = { temporal: name, visibility: `${name}_visibility` };
  const root = await mkdtemp(join(tmpdir(), 'gx-test-temporal-server-'));
  const server = await startTemporalServer({
    install: await requireTemporalServer(),
    root,
    postgres: endpoint,
    adminDatabase: database,
    databases,
    ports: await freeServerPorts(),
    namespace: 'default',
    startupTimeoutMs: scaled(60_000),
  });
  globalThis.__TEMPORAL_SERVER__ = { server, root, databases: Object.values(databases) };
  process.env.TEST_TEMPORAL_SERVER_ADDRESS = server.address;
}
