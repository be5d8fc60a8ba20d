import type { Page } from 'playwright-core';
import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { eventually } from '../support/eventually';
import { scaled } from '../support/time-scale';
import { chromiumPerFile } from './chromium-per-file';
import {
  DESKTOP,
  fileCase,
  expectAccessible,
  newPage,
  pick,
  readmeScreenshot,
  signInStaff,
  simulatorUrl,
  waitForStatus,
} from './pages';

/**
 * An on-call operator in a real browser: a department outage (the simulator's household registry
 * down) holds a case in verification; the operator finds it among the stuck cases, inspects it,
 * previews a retry, retries once the registry is back, and sees the case complete its checks.
 */
const browser = chromiumPerFile();
afterAll(async () => {
  await setHouseholdOutage(false);
});

async function setHouseholdOutage(down: boolean): Promise<void> {
  const response = await fetch(`${simulatorUrl()}/__admin/faults/household`, {
    method: down ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    ...(down && {
      body: JSON.stringify({ outageUntil: new Date(Date.now() + 3_600_000).toISOString() }),
    }),
  });
  expect(response.status).toBe(200);
}

/** Refreshes the stuck list until the case shows there. */
async function waitForStuck(page: Page, applicationNo: string): Promise<void> {
  await eventually(
    async () => {
      if ((await page.getByRole('link', { name: applicationNo }).count()) > 0) return true;
      await page.getByRole('button', { name: '刷新' }).click();
      await page
        .getByRole('link', { name: applicationNo })
        .waitFor({ timeout: scaled(3_000) })
        .catch(() => undefined);
      return undefined;
    },
    `${applicationNo} among the stuck cases`,
    90_000,
  );
}

it('an operator finds a case a department outage holds, retries it and sees it complete', async () => {
  await setHouseholdOutage(true);
  // The family files through the API: this test is about the operator's pages.
  const applicationNo = await fileCase(FIXTURE_FAMILIES.weiNongLan);

  const operator = await newPage(browser(), DESKTOP);
  await signInStaff(operator, '运维值班', 'operator-01');
  await operator.getByRole('heading', { name: '卡住的案件' }).waitFor();
  await pick(operator, '问题类型', '活动反复失败');
  await waitForStuck(operator, applicationNo);
  await expectAccessible(operator, 'operator-stuck-cases');

  await operator.getByRole('link', { name: applicationNo }).click();
  await operator.getByRole('cell', { name: 'verifyHousehold' }).waitFor();
  await operator.getByTestId('problems').getByText('活动反复失败').waitFor();
  await expectAccessible(operator, 'operator-inspect');
  await readmeScreenshot(operator, 'operator-inspect');

  // A dry run previews what a retry would do and changes nothing.
  await operator.getByLabel('原因(记入审计日志)').fill('户籍接口已恢复');
  await operator.getByRole('switch', { name: '仅预演,不做改动' }).click();
  await operator.getByRole('button', { name: '执行' }).click();
  await operator.getByText('"dryRun": true').waitFor();

  await setHouseholdOutage(false);
  await operator.getByRole('switch', { name: '仅预演,不做改动' }).click();
  await operator.getByRole('button', { name: '执行' }).click();
  await waitForStatus(operator, 'AWAITING_REVIEW');
  await operator.getByTestId('problems').getByText('无').waitFor();
  await expectAccessible(operator, 'operator-repaired');
});
