import { join } from 'node:path';
import { goInstall, isExecutable, onPath, projectCacheDir } from './go-install';

/**
 * Finds the Temporal CLI (which embeds the dev server) without ever downloading a binary at run
 * time: TEMPORAL_CLI_PATH, then PATH, then the project's cache, then a build from the Go module.
 */
export const TEMPORAL_CLI_VERSION = '1.5.1';
export const TEMPORAL_CLI_MODULE = `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`;

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(projectCacheDir(env), `temporal-${TEMPORAL_CLI_VERSION}`);
}

export class TemporalCliNotFoundError extends Error {
  constructor(reason: string) {
    super(
      `Temporal CLI not found (${reason}). Install one of:\n` +
        `  - Go 1.24+ (then this project builds it: go install ${TEMPORAL_CLI_MODULE})\n` +
        '  - the Temporal CLI binary, on PATH or at TEMPORAL_CLI_PATH',
    );
    this.name = 'TemporalCliNotFoundError';
  }
}

export async function findTemporalCli(
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  if (env.TEMPORAL_CLI_PATH) {
    if (await isExecutable(env.TEMPORAL_CLI_PATH)) return env.TEMPORAL_CLI_PATH;
    throw new TemporalCliNotFoundError(
      `TEMPORAL_CLI_PATH=${env.TEMPORAL_CLI_PATH} is not an executable file`,
    );
  }
  const cached = join(cacheDir(env), 'temporal');
  if (await isExecutable(cached)) return cached;
  return onPath('temporal', env);
}

/** Returns the CLI's path, building it into the cache with `go install` when it is nowhere else. */
export async function ensureTemporalCli(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const found = await findTemporalCli(env);
  if (found) return found;
  const dir = cacheDir(env);
  process.stderr.write(
    `Building the Temporal CLI v${TEMPORAL_CLI_VERSION} into ${dir} (a few minutes, once)...\n`,
  );
  const code = await goInstall([TEMPORAL_CLI_MODULE], dir, env);
  if (code === undefined) throw new TemporalCliNotFoundError('no Go toolchain on PATH to build it');
  const built = join(dir, 'temporal');
  if (code !== 0 || !(await isExecutable(built))) {
    throw new TemporalCliNotFoundError(
      `go install ${TEMPORAL_CLI_MODULE} failed with exit code ${code}`,
    );
  }
  return built;
}
