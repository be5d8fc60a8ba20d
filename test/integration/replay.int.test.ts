import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { projectRoot } from '../../src/config/paths';
import { ReplayCheck } from '../../src/operations/replay-check';

/**
 * Replays recorded histories of every path of the application workflow against the current
 * workflow code, through the operations console's replay check (which also catches a workflow
 * task the code fails, not only nondeterminism): a change that would break running cases fails
 * here, before it ships. Re-record with `npm run histories:record` only for a change meant to be
 * incompatible.
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
  const check = new ReplayCheck();

  it('replays every recorded path without a determinism error or a failing workflow task', async () => {
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
    for (const { history, workflowId } of recorded) {
      const verdict = await check.replay(history, workflowId);
      if (!verdict.ok) failures.push(`${workflowId}: ${verdict.error}`);
    }
    expect(failures).toEqual([]);
  });

  it('fails on a history the current code could not have produced', async () => {
    const [incompatible] = await histories(join(dir, 'incompatible'));
    const verdict = await check.replay(incompatible!.history, incompatible!.workflowId);
    expect(verdict).toMatchObject({ ok: false, determinism: true });
  });
});
