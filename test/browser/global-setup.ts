import { ensureTemporalCli } from '../../src/temporal/cli';
import { buildForChildProcesses } from '../support/build';
import { buildWorkbench } from './build-web';
import { startStack, type RunningStack } from './stack';

declare global {
  var __BROWSER_STACK__: RunningStack | undefined;
}

/**
 * One stack for the whole browser run, as `npm start` runs it: the build (server and workbench),
 * the Temporal CLI found or built before the stack's readiness limit starts, then the stack. The
 * test files find it through BROWSER_STACK_URL and BROWSER_SIMULATOR_URL.
 */
export default async function globalSetup(): Promise<void> {
  buildWorkbench();
  // A stack already running (set both variables) serves while the tests are being written.
  if (process.env.BROWSER_STACK_URL && process.env.BROWSER_SIMULATOR_URL) return;
  buildForChildProcesses();
  await ensureTemporalCli();
  const stack = await startStack();
  globalThis.__BROWSER_STACK__ = stack;
  process.env.BROWSER_STACK_URL = stack.url;
  process.env.BROWSER_SIMULATOR_URL = stack.simulatorUrl;
}
