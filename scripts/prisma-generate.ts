import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `prisma generate` that works offline: Prisma 7's CLI fetches the native schema engine before any
 * command, though generation does not use it. Unless an engine is configured, point the CLI at a
 * stub that explains itself (DESIGN.md §2).
 */
const root = join(__dirname, '..');
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= join(root, 'scripts', 'schema-engine-offline.sh');
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const prismaCli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
