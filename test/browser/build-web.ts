import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths';

const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Builds the workbench (`npm run build:web`) unless web/dist is newer than web/src and the domain. */
export function buildWorkbench(): void {
  const root = projectRoot();
  const built = statSync(join(root, 'web', 'dist', 'index.html'), { throwIfNoEntry: false });
  const sources = Math.max(newest(join(root, 'web', 'src')), newest(join(root, 'src', 'domain')));
  if (built && built.mtimeMs > sources) return;
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.mts',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // Jest sets NODE_ENV=test, which would bundle React's and antd's development builds.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}
