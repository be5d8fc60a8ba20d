import { generateFamilies } from '../../src/simulator/families';
import { formForFamily } from '../../src/testing/forms';
import { chromiumPerFile } from './chromium-per-file';
import {
  DESKTOP,
  expectAccessible,
  fileCase,
  newPage,
  pick,
  reloadUntil,
  signInStaff,
} from './pages';

/**
 * A reviewer approves several cases at once: the page sends them a few at a time and lists what
 * became of each. The stack's simulator draws its 200 families from the service's default seed,
 * so the same draw here names families its registries verify.
 */
const browser = chromiumPerFile();
const STACK_SEED = 20260901;

it('a reviewer approves six cases in one batch and reads the result of each', async () => {
  const families = generateFamilies(STACK_SEED, 200)
    .filter((f) => f.countyCode === '450103' && formForFamily(f).stage === 'PRIMARY_1')
    .slice(0, 6);
  expect(families).toHaveLength(6);
  const numbers: string[] = [];
  for (const family of families) numbers.push(await fileCase(family));

  const reviewer = await newPage(browser(), DESKTOP);
  await signInStaff(reviewer, '审核员(县教育局)', 'reviewer-batch');
  await reviewer.getByRole('heading', { name: '审核队列' }).waitFor();
  for (const no of numbers) await reloadUntil(reviewer, `a[href="/console/review/${no}"]`, no);
  // The server's filters keep the page to the county's cases awaiting review.
  await pick(reviewer, '县区', '450103');
  await pick(reviewer, '状态', '待审核');
  for (const no of numbers)
    await reviewer.locator(`[data-row-key="${no}"]`).getByRole('checkbox').check();
  await reviewer.getByRole('button', { name: '批量通过(6)' }).click();

  // Two requests of five and one: the result lists every case, each approved.
  const result = reviewer.getByRole('dialog', { name: '批量审核结果' });
  await result.getByText('通过 6 · 失败 0').waitFor();
  for (const no of numbers)
    await result
      .getByRole('listitem')
      .filter({ hasText: no })
      .locator('[data-status="APPROVED"]')
      .waitFor();
  await expectAccessible(reviewer, 'batch-approve');
});
