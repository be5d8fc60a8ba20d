import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Binaries the project builds from Go modules (the Temporal CLI, Temporal server and its SQL
 * tool) live in a cache outside the clone, so a fresh clone or `git clean` never rebuilds them.
 */
export function projectCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'gx-enrolment');
}

export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * `go install` of the given module paths into `dir`. Resolves with the exit code, or undefined
 * when there is no Go toolchain on PATH.
 */
export async function goInstall(
  modules: readonly string[],
  dir: string,
  env: NodeJS.ProcessEnv,
): Promise<number | undefined> {
  const goPath = await onPath('go', env);
  if (!goPath) return undefined;
  await mkdir(dir, { recursive: true });
  return run(goPath, ['install', ...modules], { ...env, GOBIN: dir, GOFLAGS: '-mod=mod' });
}
