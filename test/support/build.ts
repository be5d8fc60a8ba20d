import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../src/config/paths';

const BUILD_DIR = 'dist';
/** What tsconfig.build.json compiles (its include, less its exclude). */
const SOURCE_DIRS = ['src', 'scripts'];
const notBuilt = (path: string) => path.endsWith('.test.ts') || path.startsWith('src/testing/');

/**
 * Compiles src and scripts once for the whole integration run (`tsc -p tsconfig.build.json`, the
 * production build), so that the processes a test starts load JavaScript at once instead of
 * compiling TypeScript while a loaded machine's readiness limit runs. Skipped when every output is
 * newer than its source and no output is left from a source since deleted or moved (a whole build
 * re-emits every file, so the check holds after it). A rebuild starts from an empty folder: a stale
 * `checks.js` would otherwise shadow a new `checks/index.js` in Node's module resolution.
 */
export function buildForChildProcesses(): void {
  if (!stale() && !orphaned()) return;
  rmSync(join(projectRoot(), BUILD_DIR), { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: projectRoot(), stdio: 'inherit' },
  );
}

/** The compiled form of a source file: src/main/worker.ts → <root>/dist/src/main/worker.js. */
export function built(sourcePath: string): string {
  return join(projectRoot(), BUILD_DIR, sourcePath.replace(/\.ts$/, '.js'));
}

function stale(): boolean {
  const root = projectRoot();
  return SOURCE_DIRS.flatMap((dir) => sources(root, dir)).some((source) => {
    const output = statSync(built(source), { throwIfNoEntry: false });
    return !output || output.mtimeMs < statSync(join(root, source)).mtimeMs;
  });
}

/** An output whose source is gone. */
function orphaned(): boolean {
  const root = projectRoot();
  return SOURCE_DIRS.some((dir) => {
    const outDir = join(root, BUILD_DIR, dir);
    if (!existsSync(outDir)) return false;
    return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.js'))
      .some((name) => !existsSync(join(root, dir, name.replace(/\.js$/, '.ts'))));
  });
}

function sources(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => relative(root, join(root, dir, name)))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts') && !notBuilt(path));
}
