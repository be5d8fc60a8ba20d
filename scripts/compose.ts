import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Docker Compose v2 as a CLI plugin: the user's own, or one this project built into its cache. */
export const COMPOSE_MODULE = 'github.com/docker/compose/v2';
export const COMPOSE_VERSION = 'v2.40.3';

export function composeConfigDir(): string {
  return join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'gx-enrolment',
    `compose-${COMPOSE_VERSION}`,
  );
}

export function composePluginPath(): string {
  return join(composeConfigDir(), 'cli-plugins', 'docker-compose');
}

function composeWorks(env: NodeJS.ProcessEnv): boolean {
  return spawnSync('docker', ['compose', 'version'], { env, stdio: 'ignore' }).status === 0;
}

/** The environment under which `docker compose` runs, or undefined when it cannot. */
export function composeEnv(): NodeJS.ProcessEnv | undefined {
  if (composeWorks(process.env)) return process.env;
  const withCached = { ...process.env, DOCKER_CONFIG: composeConfigDir() };
  return composeWorks(withCached) ? withCached : undefined;
}

export function hasComposeCommand(): boolean {
  return composeEnv() !== undefined;
}
