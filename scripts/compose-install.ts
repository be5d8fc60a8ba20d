import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composePluginPath, COMPOSE_MODULE, COMPOSE_VERSION, hasComposeCommand } from './compose';

/**
 * `npm run compose:install`: the test that validates docker-compose.yml needs `docker compose`
 * (there is no Docker engine here, only the client). When the plugin is missing, build it from
 * its Go module into the cache, once. Compose's go.mod has exclude directives, which
 * `go install module@version` refuses, so it is built from a throw-away main module.
 */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(cmd, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function main(): void {
  if (hasComposeCommand()) {
    process.stdout.write('docker compose: available\n');
    return;
  }
  const target = composePluginPath();
  const workdir = mkdtempSync(join(tmpdir(), 'compose-build-'));
  try {
    process.stderr.write(
      `Building docker compose ${COMPOSE_VERSION} into ${target} (a few minutes, once)...\n`,
    );
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOBIN: workdir };
    run('go', ['mod', 'init', 'compose-build'], workdir, env);
    run('go', ['get', `${COMPOSE_MODULE}/cmd@${COMPOSE_VERSION}`], workdir, env);
    run('go', ['install', `${COMPOSE_MODULE}/cmd`], workdir, env);
    mkdirSync(join(target, '..'), { recursive: true });
    renameSync(join(workdir, 'cmd'), target);
  } finally {
    rmSync(workdir, { recursive: true, force: true });
  }
  if (!existsSync(target) || !hasComposeCommand())
    throw new Error('docker compose still unavailable after the build');
  process.stdout.write(`docker compose: built at ${target}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write(
    'Install Docker Compose v2 (the docker CLI plugin), or Go 1.24+ to let this script build it.\n',
  );
  process.exit(1);
}
