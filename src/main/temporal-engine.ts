import { join } from 'node:path';
import type { Config } from '../config/config';
import { temporalUiUrl } from '../config/config';
import { ensureTemporalCli } from '../temporal/cli';
import { startDevServer } from '../temporal/dev-server';
import { startTemporalServer } from '../temporal/server';
import { standardPorts, type PostgresEndpoint } from '../temporal/server-config';
import { requireTemporalServer, TEMPORAL_SERVER_VERSION } from '../temporal/server-install';

/**
 * The Temporal engine `npm start` runs before the service's processes, by TEMPORAL_MODE: the
 * CLI's dev server (SQLite under DATA_DIR, Web UI), or Temporal server on PostgreSQL at
 * TEMPORAL_DATABASE_URL. Either way the namespace and the search attributes are registered
 * before it resolves.
 */
export interface RunningEngine {
  readonly description: string;
  stop(): Promise<void>;
}

export function postgresEndpoint(url: string): { endpoint: PostgresEndpoint; database: string } {
  const u = new URL(url);
  return {
    endpoint: {
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username || 'postgres'),
      password: decodeURIComponent(u.password),
    },
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
  };
}

function frontendPort(config: Config): number {
  return Number(config.TEMPORAL_ADDRESS.split(':')[1] ?? 7233);
}

export async function startTemporalEngine(config: Config): Promise<RunningEngine> {
  if (config.TEMPORAL_MODE === 'server') return startServerMode(config);
  const server = await startDevServer({
    cliPath: await ensureTemporalCli(),
    port: frontendPort(config),
    uiPort: config.TEMPORAL_UI_PORT,
    // Payloads are encrypted (issue 12): the UI would show them through the API's codec server,
    // but the dev server's UI has no sign-in and passes no token, so the API refuses its calls
    // (401, audited) and the UI shows ciphertext. docs/codec-server.md says what production needs.
    uiCodecEndpoint: `http://${config.API_HOST}:${config.API_PORT}/codec`,
    dbFile: join(config.DATA_DIR, 'temporal.sqlite'),
    namespace: config.TEMPORAL_NAMESPACE,
  });
  return {
    description: `Temporal dev server   ${server.address}   Web UI ${temporalUiUrl(config)}`,
    stop: () => server.stop(),
  };
}

async function startServerMode(config: Config): Promise<RunningEngine> {
  const { endpoint, database } = postgresEndpoint(config.TEMPORAL_DATABASE_URL);
  const name = config.TEMPORAL_DATABASE_NAME;
  const server = await startTemporalServer({
    install: await requireTemporalServer(),
    root: join(config.DATA_DIR, 'temporal-server'),
    postgres: endpoint,
    adminDatabase: database,
    databases: { temporal: name, visibility: `${name}_visibility` },
    ports: standardPorts(frontendPort(config)),
    namespace: config.TEMPORAL_NAMESPACE,
  });
  return {
    description:
      `Temporal server v${TEMPORAL_SERVER_VERSION} ${server.address}   PostgreSQL ` +
      `${endpoint.host}:${endpoint.port} (${name}, ${name}_visibility)` +
      (server.registered.length ? `; registered ${server.registered.join(', ')}` : ''),
    stop: () => server.stop(),
  };
}
