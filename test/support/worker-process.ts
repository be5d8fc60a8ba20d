import { spawn, type ChildProcess } from 'node:child_process';
import { projectRoot } from '../../src/config/paths';
import { eventually } from './eventually';

/**
 * The worker as its own OS process (src/main/worker.ts), so a test can kill it the way a crash
 * or an OOM kill would: SIGKILL, no shutdown hooks, work in flight abandoned.
 */
export interface WorkerProcess {
  readonly child: ChildProcess;
  output(): string;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/worker.ts'], {
    cwd: projectRoot(),
    env: { ...process.env, WORKER_LOG_LEVEL: 'INFO', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`worker process exited early:\n${output}`);
      return output.includes('worker polling') ? true : undefined;
    },
    'the worker process to poll',
    60_000,
  );
  return {
    child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
