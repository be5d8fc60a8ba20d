import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { SearchAttributeType } from '@temporalio/common';
import { ENROLMENT_SEARCH_ATTRIBUTES } from '../contract';

/**
 * Runs `temporal server start-dev` as a child process with the project's search attributes
 * registered, and resolves once its frontend answers health checks.
 */
export interface DevServerOptions {
  readonly cliPath: string;
  readonly port: number;
  /** Web UI port; undefined runs headless. */
  readonly uiPort?: number;
  /** The codec server the Web UI decrypts payloads with (the API's /codec). */
  readonly uiCodecEndpoint?: string;
  /** SQLite file for persistence across restarts; undefined keeps everything in memory. */
  readonly dbFile?: string;
  readonly namespace: string;
  readonly startupTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface RunningDevServer {
  readonly address: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const CLI_TYPE_NAMES: Partial<Record<SearchAttributeType, string>> = {
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

export function searchAttributeArgs(): string[] {
  return ENROLMENT_SEARCH_ATTRIBUTES.flatMap((key) => [
    '--search-attribute',
    `${key.name}=${CLI_TYPE_NAMES[key.type]}`,
  ]);
}

export class DevServerStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
    options?: ErrorOptions,
  ) {
    super(`${message}\n--- temporal output ---\n${output.slice(-4000)}`, options);
    this.name = 'DevServerStartError';
  }
}

export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    ...searchAttributeArgs(),
  ];
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.uiPort !== undefined && options.uiCodecEndpoint)
    args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  if (options.dbFile) {
    await mkdir(dirname(options.dbFile), { recursive: true });
    // WAL with synchronous=NORMAL: durable across process crashes (what a dev box sees), and no
    // fsync per workflow event, which otherwise leaves the dev server waiting on the disk.
    args.push(
      '--db-filename',
      options.dbFile,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
  }
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    options.log?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const spawnFailed = new Promise<Error>((resolve) => child.once('error', resolve));
  const address = `127.0.0.1:${options.port}`;

  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  for (;;) {
    const early = await Promise.race([
      exited.then((code) => `exited with code ${code}`),
      spawnFailed.then((e) => e.message),
      delay(250).then(() => undefined),
    ]);
    if (early)
      throw new DevServerStartError(`Temporal dev server ${early} before becoming ready`, output);
    if (await isServing(options.cliPath, address)) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new DevServerStartError(`Temporal dev server not ready on ${address} in time`, output);
    }
  }
  return { address, pid: child.pid ?? -1, stop: () => stopChild(child, exited) };
}

/**
 * Asks the frontend through the CLI itself: an in-process gRPC client would keep the caller's
 * event loop alive for seconds after closing, which a test runner's global setup notices.
 */
function isServing(cliPath: string, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      cliPath,
      ['operator', 'cluster', 'health', '--address', address],
      { timeout: 5000 },
      (error, stdout) => resolve(!error && stdout.includes('SERVING')),
    );
  });
}

export async function stopChild(
  child: ChildProcess,
  exited: Promise<number | null>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    delay(10_000, true, { ref: false }),
  ]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}
