import { execFile } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { goInstall, isExecutable, onPath, projectCacheDir } from './go-install';

/**
 * Temporal server on PostgreSQL, the engine a region deploys: the same version as the CLI's dev
 * server, built from its Go module (no prebuilt binary is downloaded) into the project's cache
 * with its SQL tool and the PostgreSQL schemas the tool applies, copied from the module so that
 * running needs neither Go nor its module cache.
 */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const SERVER_MODULE = `go.temporal.io/server@v${TEMPORAL_SERVER_VERSION}`;
const PACKAGES = ['cmd/server', 'cmd/tools/sql'].map(
  (p) => `go.temporal.io/server/${p}@v${TEMPORAL_SERVER_VERSION}`,
);
/** Schema versions this server version expects (the module's schema/postgresql/v12/version.go). */
export const EXPECTED_SCHEMA_VERSIONS = { temporal: '1.18', visibility: '1.9' } as const;

export interface TemporalServerInstall {
  readonly server: string;
  readonly sqlTool: string;
  /** Holds temporal/versioned and visibility/versioned. */
  readonly schemaDir: string;
}

export function serverCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(projectCacheDir(env), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

export class TemporalServerNotInstalledError extends Error {
  constructor(reason: string) {
    super(
      `Temporal server v${TEMPORAL_SERVER_VERSION} is not installed (${reason}). ` +
        'Run `npm run temporal:server:install` (needs Go 1.24+; 6–13 minutes once on 2 cores).',
    );
    this.name = 'TemporalServerNotInstalledError';
  }
}

function installIn(dir: string): TemporalServerInstall {
  return {
    server: join(dir, 'server'),
    sqlTool: join(dir, 'sql'),
    schemaDir: join(dir, 'schema', 'postgresql', 'v12'),
  };
}

async function isComplete(install: TemporalServerInstall): Promise<boolean> {
  const checks = await Promise.all([
    isExecutable(install.server),
    isExecutable(install.sqlTool),
    isExecutable(join(install.schemaDir, 'visibility', 'versioned')),
  ]);
  return checks.every(Boolean);
}

/** The cached install, or undefined when any part of it is missing. */
export async function findTemporalServer(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemporalServerInstall | undefined> {
  const install = installIn(serverCacheDir(env));
  return (await isComplete(install)) ? install : undefined;
}

/** Like findTemporalServer, but says what to run when it is not there. */
export async function requireTemporalServer(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemporalServerInstall> {
  const found = await findTemporalServer(env);
  if (!found)
    throw new TemporalServerNotInstalledError(`nothing complete in ${serverCacheDir(env)}`);
  return found;
}

/** `npm run temporal:server:install`: builds both binaries and copies the schemas, once. */
export async function ensureTemporalServer(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TemporalServerInstall> {
  const found = await findTemporalServer(env);
  if (found) return found;
  const dir = serverCacheDir(env);
  process.stderr.write(
    `Building Temporal server v${TEMPORAL_SERVER_VERSION} and its SQL tool into ${dir} ` +
      '(6–13 minutes on 2 cores, once)...\n',
  );
  const code = await goInstall(PACKAGES, dir, env);
  if (code === undefined) throw new TemporalServerNotInstalledError('no Go toolchain on PATH');
  if (code !== 0)
    throw new TemporalServerNotInstalledError(`go install failed with exit code ${code}`);
  const install = installIn(dir);
  await cp(join(await moduleDir(env), 'schema', 'postgresql', 'v12'), install.schemaDir, {
    recursive: true,
  });
  if (!(await isComplete(install)))
    throw new TemporalServerNotInstalledError(`the build left ${dir} incomplete`);
  return install;
}

/** The server module's source in Go's module cache, where `go install` just put it. */
async function moduleDir(env: NodeJS.ProcessEnv): Promise<string> {
  const go = (await onPath('go', env))!;
  const { stdout } = await promisify(execFile)(go, ['env', 'GOMODCACHE'], { env });
  return join(stdout.trim(), SERVER_MODULE);
}
