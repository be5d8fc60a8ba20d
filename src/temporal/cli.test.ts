import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, ensureTemporalCli, findTemporalCli, TemporalCliNotFoundError } from './cli';

describe('finding the Temporal CLI', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cli-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function executable(path: string): Promise<string> {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, '#!/bin/sh\n');
    await chmod(path, 0o755);
    return path;
  }

  it('prefers TEMPORAL_CLI_PATH', async () => {
    const explicit = await executable(join(root, 'explicit', 'temporal'));
    await executable(join(root, 'bin', 'temporal'));
    expect(await findTemporalCli({ TEMPORAL_CLI_PATH: explicit, PATH: join(root, 'bin') })).toBe(
      explicit,
    );
  });

  it('says so when TEMPORAL_CLI_PATH points at nothing', async () => {
    await expect(
      findTemporalCli({ TEMPORAL_CLI_PATH: join(root, 'missing') }),
    ).rejects.toBeInstanceOf(TemporalCliNotFoundError);
  });

  it('uses the project cache before PATH', async () => {
    const env = { XDG_CACHE_HOME: join(root, 'cache'), PATH: join(root, 'bin') };
    await executable(join(root, 'bin', 'temporal'));
    const cached = await executable(join(cacheDir(env), 'temporal'));
    expect(await findTemporalCli(env)).toBe(cached);
  });

  it('falls back to PATH', async () => {
    const onPath = await executable(join(root, 'bin', 'temporal'));
    expect(
      await findTemporalCli({ XDG_CACHE_HOME: join(root, 'cache'), PATH: join(root, 'bin') }),
    ).toBe(onPath);
  });

  it('explains what to install when there is no CLI and no Go', async () => {
    const failure = ensureTemporalCli({
      XDG_CACHE_HOME: join(root, 'cache'),
      PATH: join(root, 'empty'),
    });
    await expect(failure).rejects.toBeInstanceOf(TemporalCliNotFoundError);
    await expect(failure).rejects.toThrow(
      /go install github\.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1/,
    );
  });
});
