import { chromiumPerFile } from './chromium-per-file';
import { DESKTOP, expectAccessible, newPage, pick, signInStaff, stackUrl } from './pages';
import { scaled } from '../support/time-scale';

/**
 * A bureau runs its admission round from the workbench and keeps its places. Junior grade 7 of
 * 450103: the other browser tests file and place primary grade 1 cases only.
 */
const browser = chromiumPerFile();

it('a bureau administrator starts a round, follows it to publication and verifies it', async () => {
  const admin = await newPage(browser(), DESKTOP);
  await signInStaff(admin, '市教育局管理员', 'city-admin-rounds');
  await admin.getByRole('heading', { name: '预警与报表' }).waitFor();
  await admin.goto(`${stackUrl()}/console/rounds`);
  await admin.getByRole('heading', { name: '录取批次' }).waitFor();
  await pick(admin, '学段', '小升初');
  await admin.getByRole('button', { name: '开始录取' }).click();
  // The page follows the round by itself: freeze, draw, delivery, publication.
  await admin.locator('[data-round-status="PUBLISHED"]').waitFor({ timeout: scaled(180_000) });
  // Every result drawn reached its case, and the page says how many.
  const delivery = admin.locator('[data-results]');
  expect(await delivery.getAttribute('data-delivered')).toBe(
    await delivery.getAttribute('data-results'),
  );
  await admin.getByRole('button', { name: '重新计算核验' }).click();
  await admin.locator('[data-verdict="MATCH"]').waitFor();
  // The next round is a 补录 round, offered once this one is published.
  await admin.getByRole('button', { name: '开始第 2 轮补录' }).waitFor();
  await expectAccessible(admin, 'rounds');
});

it("a bureau administrator changes a school's places; the API's rule shows beside the field", async () => {
  const admin = await newPage(browser(), DESKTOP);
  await signInStaff(admin, '市教育局管理员', 'city-admin-places');
  await admin.getByRole('heading', { name: '预警与报表' }).waitFor();
  await admin.goto(`${stackUrl()}/console/schools`);
  const places = admin.getByLabel('南宁市青秀区第一初级中学的招生计划');
  const before = Number(await places.inputValue());
  const row = admin.locator('[data-row-key="450103-J01"]');
  await places.fill('20000');
  await row.getByRole('button', { name: '保存' }).click();
  await row.getByRole('alert').getByText('places', { exact: false }).waitFor();
  await places.fill(String(before + 1));
  await row.getByRole('button', { name: '保存' }).click();
  // Saved: the row comes back from the API with the new figure, and nothing left to save.
  await row.getByRole('button', { name: '保存' }).and(admin.locator('[disabled]')).waitFor();
  expect(await places.inputValue()).toBe(String(before + 1));
  const schools = (await (
    await fetch(`${stackUrl()}/public/counties/450103/schools?stage=JUNIOR_1`)
  ).json()) as Array<{ id: string; places: number }>;
  expect(schools.find((s) => s.id === '450103-J01')?.places).toBe(before + 1);
  await expectAccessible(admin, 'school-places');
});
