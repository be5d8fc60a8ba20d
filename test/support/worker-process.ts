import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/config/paths';
import { built } from './build';
import { eventually } from './eventually';

/**
 * A launcher of src/main as its own OS process, so a test can read everything it writes or kill
 * it the way a crash or an OOM kill would: SIGKILL, no shutdown hooks, work in flight abandoned.
 */
export interface ServiceProcess {
  readonly child: ChildProcess;
  /** stdout and stderr as they came. */
  output(): string;
  stdout(): string;
  stderr(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export type WorkerProcess = ServiceProcess;

/**
 * Starts `entry` (e.g. src/main/api.ts) from the build the integration set-up made (compiling at
 * start would take most of the readiness limit on a loaded machine), or with `fromSource` a
 * bench's own helper compiled at load, and waits until its output
 * contains `ready`, a line the launchers log at info (so at least info, although NODE_ENV=test
 * defaults to warn).
 */
export async function spawnServiceProcess(
  entry: string,
  env: Record<string, string>,
  ready: string,
  { nice = 0, fromSource = false }: { nice?: number; fromSource?: boolean } = {},
): Promise<ServiceProcess> {
  // From source (a bench's helper outside the build): compiled at load, as `npm run bench:*` is.
  const script = fromSource ? ['-r', './test/support/swc-register.cjs', entry] : [built(entry)];
  const node = [process.execPath, '--enable-source-maps', ...script];
  // Through nice(1), which execs node: every thread the process starts inherits the priority
  // (setpriority on a running process would reach its main thread only).
  const [command, ...args] = nice ? ['nice', '-n', String(nice), ...node] : node;
  const child = spawn(command!, args, {
    cwd: projectRoot(),
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
    stderr += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await eventually(
      () => {
        if (child.exitCode !== null) throw new Error(`${entry} exited early:\n${output}`);
        return output.includes(ready) ? true : undefined;
      },
      `${entry} to be ready`,
      60_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${entry} did not start; its output:\n${output}`, { cause: error });
  }
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    stderr: () => stderr,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      // The worker forces its own shutdown after 60 s; past twice that it is stuck: kill it, so
      // an after-all hook never waits out Jest's limit.
      const stuck = setTimeout(() => child.kill('SIGKILL'), 120_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}

/** The worker (src/main/worker.ts), without a metrics listener unless the test asks for one. */
export function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  return spawnServiceProcess(
    'src/main/worker.ts',
    { WORKER_LOG_LEVEL: 'INFO', WORKER_METRICS_PORT: '0', ...env },
    'worker polling',
  );
}
