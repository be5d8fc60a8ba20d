import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { projectRoot } from '../../src/config/paths';
import { bundleWorkflows } from '../support/harness';

/**
 * Replays recorded histories of every path of the application workflow against the current
 * workflow code: a change that would break running cases fails here, before it ships.
 * Re-record with `npm run histories:record` only for a change meant to be incompatible.
 */
const dir = join(projectRoot(), 'test', 'histories');

async function histories(folder: string) {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(await readFile(join(folder, f), 'utf8'))),
    })),
  );
}

describe('replaying recorded histories against the current workflow code', () => {
  let workflowBundle: Awaited<ReturnType<typeof bundleWorkflows>>;
  beforeAll(async () => {
    workflowBundle = await bundleWorkflows();
  });

  it('replays every recorded path without a determinism error', async () => {
    const recorded = await histories(dir);
    expect(recorded.map((h) => h.workflowId)).toEqual([
      'approved-then-admitted',
      'cancelled-by-operator',
      'offline-check-then-approved',
      'rejected',
      'reset-then-rejected',
      'supplement-expired',
      'supplement-then-approved',
      'withdrawn',
    ]);
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, recorded)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('fails on a history the current code could not have produced', async () => {
    const [incompatible] = await histories(join(dir, 'incompatible'));
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, [incompatible!]))
      results.push(result);
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBeInstanceOf(DeterminismViolationError);
  });
});
