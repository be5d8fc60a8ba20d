import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { chromiumPerFile } from './chromium-per-file';
import { expectAccessible, fileCase, newPage, PHONE, stackUrl, waitForStatus } from './pages';

/** A family withdraws its consent from its phone (PIPL Art. 15); the case is withdrawn with it. */
const browser = chromiumPerFile();

it('a family withdraws its consent, asked twice, and its case is withdrawn', async () => {
  const family = FIXTURE_FAMILIES.zhaoYu;
  const applicationNo = await fileCase(family);
  const page = await newPage(browser(), PHONE);
  await page.goto(`${stackUrl()}/m`);
  await page.getByLabel('监护人身份证号(实名认证)').fill(family.guardians[0]!.idNumber);
  await page.getByLabel('账号').fill(`family-${family.familyNo}`);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: new RegExp(applicationNo) }).click();
  await page.getByRole('button', { name: '撤回同意' }).click();
  // The second asking: nothing is withdrawn until the family confirms it.
  const confirm = page.locator('.ant-popconfirm');
  await confirm.getByText('撤回对处理儿童信息的同意').waitFor();
  await expectAccessible(page, 'family-withdraw-consent');
  await confirm.getByRole('button', { name: '撤回同意' }).click();
  await waitForStatus(page, 'WITHDRAWN');
  // Withdrawn, there is nothing left to withdraw.
  expect(await page.getByRole('button', { name: '撤回同意' }).count()).toBe(0);
});
