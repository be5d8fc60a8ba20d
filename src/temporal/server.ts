import { spawn } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { grpc } from '@temporalio/proto';
import { DevServerStartError, stopChild } from './dev-server';
import { writeServerConfig, type ServerConfigOptions } from './server-config';
import { ensureTemporalSchemas } from './server-schema';
import type { TemporalServerInstall } from './server-install';
import { ensureTemporalSetup } from './setup';

/**
 * `TEMPORAL_MODE=server`: Temporal server on PostgreSQL as a child process — schemas created or
 * updated, configuration written, server started, namespace and search attributes registered —
 * resolving once all of it is done, so API and worker start against a ready namespace.
 */
export interface TemporalServerOptions extends ServerConfigOptions {
  readonly install: TemporalServerInstall;
  /** Holds the generated configuration (config/). */
  readonly root: string;
  /** The database the server connects to first to create Temporal's two databases. */
  readonly adminDatabase: string;
  readonly namespace: string;
  readonly startupTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningTemporalServer {
  readonly address: string;
  readonly pid: number;
  /** Schema versions found before this start (undefined: a database set up by this start). */
  readonly schemasBefore: Record<'temporal' | 'visibility', string | undefined>;
  /** What this start registered (namespace, search attributes); empty on a set-up cluster. */
  readonly registered: string[];
  stop(): Promise<void>;
}

export async function startTemporalServer(
  options: TemporalServerOptions,
): Promise<RunningTemporalServer> {
  const schemasBefore = await ensureTemporalSchemas(options.install, options);
  const args = await writeServerConfig(options.root, options);
  const child = spawn(options.install.server, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    options.log?.(chunk.toString());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));
  const address = `127.0.0.1:${options.ports.frontend}`;
  const stop = () => stopChild(child, exited);

  try {
    const connection = await untilServing(address, options.startupTimeoutMs ?? 120_000, () =>
      Promise.race([
        exited.then((code) => `exited with code ${code}`),
        spawnFailed.then((e) => e.message),
        delay(500).then(() => undefined),
      ]),
    );
    try {
      const client = new Client({ connection, namespace: options.namespace });
      const { created } = await ensureTemporalSetup(client, options.namespace);
      return { address, pid: child.pid ?? -1, schemasBefore, registered: created, stop };
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    const message = error instanceof Error ? error.message : String(error);
    throw new DevServerStartError(`Temporal server: ${message}`, output, { cause: error });
  }
}

const SERVING = grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING;

/** Connects once the frontend reports SERVING (its services have joined), or fails early. */
async function untilServing(
  address: string,
  timeoutMs: number,
  early: () => Promise<string | undefined>,
): Promise<Connection> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stopped = await early();
    if (stopped) throw new Error(`${stopped} before serving`);
    const connection = await Connection.connect({ address, connectTimeout: 2000 }).catch(
      () => undefined,
    );
    if (connection) {
      const health = await connection.healthService
        .check({ service: 'temporal.api.workflowservice.v1.WorkflowService' })
        .catch(() => undefined);
      if (health?.status === SERVING) return connection;
      await connection.close();
    }
    if (Date.now() > deadline) throw new Error(`not serving on ${address} in time`);
  }
}
