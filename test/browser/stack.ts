import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths';
import { built } from '../support/build';
import { SCREENSHOT_DIR } from './browser';
import { createEmptyDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { scaled } from '../support/time-scale';

/** The whole service as `npm start` runs it (dist/src/main/all-in-one.js), on ports of its own. */
export interface RunningStack {
  readonly url: string;
  readonly simulatorUrl: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function startStack(): Promise<RunningStack> {
  const [api, temporal, ui, simulator] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const dataDir = await mkdtemp(join(tmpdir(), 'gx-browser-'));
  // PostgreSQL instead of the embedded PGlite: the same migrations, seeds and code, much faster.
  const database: TestDatabase = await createEmptyDatabase();
  const simulatorUrl = `http://127.0.0.1:${simulator}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [built('src/main/all-in-one.ts')], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      API_PORT: String(api),
      TEMPORAL_ADDRESS: `127.0.0.1:${temporal}`,
      TEMPORAL_UI_PORT: String(ui),
      SIMULATOR_PORT: String(simulator),
      DATA_SHARING_BASE_URL: simulatorUrl,
      WORKER_METRICS_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      SIMULATOR_POPULATION: '200',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept in test-results/browser/stack.log too: the clue to a browser test that fails in CI.
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const log = createWriteStream(join(SCREENSHOT_DIR, 'stack.log'));
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    log.write(chunk);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${api}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, scaled(20_000)))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    log.end();
    await database.drop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`npm start's process exited:\n${output}`);
        const ready = await fetch(`${url}/ready`).catch(() => null);
        return ready?.status === 200 ? true : undefined;
      },
      'the stack to be ready',
      120_000,
    );
  } catch (error) {
    await stop();
    // What the stack printed is the only clue to why it never became ready.
    throw new Error(`${(error as Error).message}\n${output.slice(-8_000)}`, { cause: error });
  }
  return { url, simulatorUrl, output: () => output, stop };
}
