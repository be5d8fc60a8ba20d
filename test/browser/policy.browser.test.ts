import { chromiumPerFile } from './chromium-per-file';
import { DESKTOP, expectAccessible, newPage, pick, signInStaff, stackUrl } from './pages';

/**
 * A bureau writes its county's admission policy on the workbench: the region's default until
 * then, the API's rule shown under the field it concerns, and what is saved is what the public
 * policy page reads. Junior grade 7 of a season no other test runs a round in.
 */
const browser = chromiumPerFile();

it("a bureau administrator edits the county's policy; the API's rule shows at its field and the public reads the saved text", async () => {
  const admin = await newPage(browser(), DESKTOP);
  await signInStaff(admin, '市教育局管理员', 'city-admin-policy');
  await admin.getByRole('heading', { name: '预警与报表' }).waitFor();
  await admin.getByRole('menuitem', { name: '招生政策' }).click();
  await admin.getByRole('heading', { name: '招生政策' }).waitFor();
  await pick(admin, '县区', '450103');
  await pick(admin, '学段', '小升初');
  await admin.getByLabel('招生年度').fill('2027');
  await admin.locator('[data-county-own="false"]').waitFor();

  // Over the rule (at most 24 months of the last 24): refused, and said under that field.
  const months = admin.getByLabel('社保缴纳满(月,近24个月内)');
  await months.fill('30');
  await admin.getByRole('button', { name: '保存政策' }).click();
  const field = admin.locator('.ant-form-item', { has: months });
  await field.locator('.ant-form-item-explain-error').waitFor();
  await expectAccessible(admin, 'policy-refused');

  await months.fill('6');
  await admin.getByLabel('政策版本').fill('qingxiu-junior-2027.2');
  await pick(admin, '录取方式', '志愿优先');
  await admin.getByRole('button', { name: '第 2 顺位上移' }).click();
  expect(await admin.getByLabel('第 1 顺位名称').inputValue()).toBe('房户一致(共有产权)');
  await admin.getByRole('button', { name: '保存政策' }).click();
  await admin.locator('[data-county-own="true"]').waitFor();
  // The form starts again from what the API stored.
  expect(await admin.getByLabel('政策版本').inputValue()).toBe('qingxiu-junior-2027.2');

  const published = (await (
    await fetch(`${stackUrl()}/public/counties/450103/policy?stage=JUNIOR_1&seasonYear=2027`)
  ).json()) as {
    countyOwn: boolean;
    version: string;
    tiers: { rank: number; nameZh: string }[];
    rulesZh: string[];
  };
  expect(published).toMatchObject({ countyOwn: true, version: 'qingxiu-junior-2027.2' });
  expect(published.tiers.slice(0, 2).map((t) => t.nameZh)).toEqual([
    '房户一致(共有产权)',
    '房户一致(独有产权)',
  ]);
  expect(published.rulesZh.join('')).toContain('志愿优先');
  expect(published.rulesZh.join('')).toContain('缴纳社保满6个月');
  await expectAccessible(admin, 'policy');

  // The same page in English: the workbench's switch, and the same contrast and labels.
  await admin.getByText('EN', { exact: true }).click();
  await admin.getByRole('heading', { name: 'Admission policy' }).waitFor();
  await admin.getByText("The county's own policy").waitFor();
  await expectAccessible(admin, 'policy-en');
  await admin.getByText('中文', { exact: true }).click();
});
