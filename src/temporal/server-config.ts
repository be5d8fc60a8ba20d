import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The server's configuration, in the shape of the module's config/development-postgres12.yaml:
 * one process running every service, PostgreSQL for history and for SQL visibility. Written as
 * JSON, which YAML reads as it is. The server reads ROOT/config/ENV.yaml (it has no flag for a
 * file), so each launch gets a directory of its own.
 */
export interface PostgresEndpoint {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/**
 * Each below 32768: the server records its membership ports in a smallint column
 * (cluster_membership.rpc_port) and exits on a larger one.
 */
export interface ServerPorts {
  /** The frontend's gRPC port: where clients and workers connect. */
  readonly frontend: number;
  readonly frontendHttp: number;
  readonly frontendMembership: number;
  readonly history: number;
  readonly historyMembership: number;
  readonly matching: number;
  readonly matchingMembership: number;
  readonly worker: number;
  readonly workerMembership: number;
}

/**
 * Connections each of the server's four services may open to each database. Every service in the
 * one process keeps a pool of its own and keeps it open while idle, so a server holds up to
 * 4 × (history + visibility) connections; PostgreSQL's max_connections (100 unless raised) must
 * cover them beside the API's and the workers' pools (docs/deployment.md).
 */
export interface ServerPools {
  readonly history: number;
  readonly visibility: number;
}

/** A deployment's pools (up to 120 connections), on which the server-mode benchmarks ran. */
export const DEPLOYMENT_POOLS: ServerPools = { history: 20, visibility: 10 };

export interface ServerConfigOptions {
  readonly postgres: PostgresEndpoint;
  readonly databases: { readonly temporal: string; readonly visibility: string };
  readonly ports: ServerPorts;
  readonly pools?: ServerPools;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/** The ports of `temporal-server` as documented, from the frontend's port (7233 → 7234, …). */
export function standardPorts(frontend: number): ServerPorts {
  const offset = frontend - 7233;
  const at = (port: number) => port + offset;
  return {
    frontend,
    frontendHttp: at(7243),
    frontendMembership: at(6933),
    history: at(7234),
    historyMembership: at(6934),
    matching: at(7235),
    matchingMembership: at(6935),
    worker: at(7239),
    workerMembership: at(6939),
  };
}

/**
 * Fixed when a cluster is first created (the server refuses another value later): 4 shards ran
 * one-activity workflows 1.2–1.6× faster than the dev server in one process on 2 cores.
 */
const HISTORY_SHARDS = 4;

/**
 * Without 'system.forceSearchAttributesCacheRefreshOnRead' (the dev server's default, which
 * Temporal keeps for tests): it reads the namespace and the cluster's attributes from PostgreSQL,
 * under a process-wide lock, on every use of a search attribute, and at the peak that queue was
 * the tail of every start. ensureTemporalSetup waits instead until a registration is in the caches.
 */
const DYNAMIC_CONFIG = {
  'limit.maxIDLength': [{ value: 255 }],
  'frontend.enableUpdateWorkflowExecution': [{ value: true }],
  'frontend.enableExecuteMultiOperation': [{ value: true }],
};

function datastore(options: ServerConfigOptions, databaseName: string, maxConns: number) {
  const { host, port, user, password } = options.postgres;
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${host}:${port}`,
      connectProtocol: 'tcp',
      user,
      password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

function service(grpcPort: number, membershipPort: number, httpPort?: number) {
  return { rpc: { grpcPort, membershipPort, bindOnLocalHost: true, httpPort } };
}

export function serverConfig(options: ServerConfigOptions, dynamicConfigFile: string) {
  const p = options.ports;
  const pools = options.pools ?? DEPLOYMENT_POOLS;
  return {
    log: { stdout: true, level: options.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: {
        'postgres-default': datastore(options, options.databases.temporal, pools.history),
        'postgres-visibility': datastore(options, options.databases.visibility, pools.visibility),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: service(p.frontend, p.frontendMembership, p.frontendHttp),
      history: service(p.history, p.historyMembership),
      matching: service(p.matching, p.matchingMembership),
      worker: service(p.worker, p.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${p.frontend}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: {
      archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
}

/** Writes ROOT/config/ENV.yaml and the dynamic configuration; returns the server's arguments. */
export async function writeServerConfig(
  root: string,
  options: ServerConfigOptions,
): Promise<string[]> {
  const env = 'gx-enrolment';
  const tooHigh = Object.entries(options.ports).filter(([, port]) => port > 32_767);
  if (tooHigh.length > 0)
    throw new RangeError(
      `Temporal server ports must be below 32768: ${tooHigh.map(([k, p]) => `${k}=${p}`).join(', ')}`,
    );
  await mkdir(join(root, 'config'), { recursive: true });
  const dynamicConfigFile = join(root, 'config', 'dynamicconfig.yaml');
  await writeFile(dynamicConfigFile, JSON.stringify(DYNAMIC_CONFIG, null, 2));
  await writeFile(
    join(root, 'config', `${env}.yaml`),
    JSON.stringify(serverConfig(options, dynamicConfigFile), null, 2),
    { mode: 0o600 },
  );
  return ['--root', root, '--config', 'config', '--env', env, '--allow-no-auth', 'start'];
}
