import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { postgresEndpoint } from '../../src/main/temporal-engine';
import { startTemporalServer } from '../../src/temporal/server';
import type { ServerPools } from '../../src/temporal/server-config';
import { requireTemporalServer } from '../../src/temporal/server-install';
import { ADMIN_DATABASE_URL } from './database';
import { freeServerPorts } from './server-ports';

/**
 * The pools of a server a test starts. A test run may hold two servers at once (the project's
 * shared one, idle but keeping every connection it opened, and one a test starts), beside the
 * harness's pools: at a deployment's pools the two reached PostgreSQL's 100 connections on a
 * busy machine. These keep both under 60.
 */
export const TEST_SERVER_POOLS: ServerPools = { history: 5, visibility: 2 };

export interface DisposableTemporalServer {
  readonly address: string;
  /** Stops the server process and starts it again on the same databases and ports. */
  restart(): Promise<void>;
  /** Stops the server and drops its two databases and its folder. */
  stop(): Promise<void>;
}

/**
 * The production engine for a test run or a benchmark: Temporal server on PostgreSQL with SQL
 * visibility, set up as `TEMPORAL_MODE=server npm start` sets it up (fresh databases and schemas,
 * the namespace `default` and the search attributes), on free ports; a deployment's pools unless
 * given others.
 */
export async function startDisposableTemporalServer(
  startupTimeoutMs: number,
  pools?: ServerPools,
): Promise<DisposableTemporalServer> {
  const { endpoint, database } = postgresEndpoint(ADMIN_DATABASE_URL);
  const name = `gx_test_temporal_${randomBytes(5).toString('hex')}`;
  const databases = { temporal: name, visibility: `${name}_visibility` };
  const root = await mkdtemp(join(tmpdir(), 'gx-test-temporal-server-'));
  const options = {
    install: await requireTemporalServer(),
    root,
    postgres: endpoint,
    adminDatabase: database,
    databases,
    ports: await freeServerPorts(),
    namespace: 'default',
    startupTimeoutMs,
    ...(pools && { pools }),
  };
  let server = await startTemporalServer(options);
  return {
    address: server.address,
    restart: async () => {
      await server.stop();
      // Schemas and namespace are found set up: the start only checks them.
      server = await startTemporalServer(options);
    },
    stop: async () => {
      await server.stop();
      const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
      await admin.connect();
      try {
        for (const db of Object.values(databases))
          await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}
