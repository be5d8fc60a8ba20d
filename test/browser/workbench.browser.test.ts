import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { chromiumPerFile } from './chromium-per-file';
import {
  DESKTOP,
  expectAccessible,
  newPage,
  PHONE,
  pick,
  readmeScreenshot,
  reloadUntil,
  signInStaff,
  stackUrl,
  waitForOutcome,
  waitForStatus,
} from './pages';

/**
 * The workbench in a real browser against the real stack: a family applies on a phone, a
 * reviewer asks for a supplement, the family answers with a photo, the reviewer approves.
 */
const browser = chromiumPerFile();

/** A tiny valid PNG: a photo of the hukou booklet as far as the upload's content check goes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the workbench in Chromium', () => {
  let family: Page;
  let reviewer: Page;
  let applicationNo: string;
  /** The steps that passed: a step after a failed one fails at once instead of waiting out its time. */
  let stepsDone = 0;

  it('a family applies with Form A on a phone and sees it awaiting review', async () => {
    family = await newPage(browser(), PHONE);
    await family.goto(`${stackUrl()}/m`);
    await family.getByLabel('监护人身份证号(实名认证)').fill('450103198805060751');
    await family.getByLabel('账号').fill('family-001');
    await expectAccessible(family, 'family-sign-in');
    await family.getByRole('button', { name: '登录' }).click();
    await family.getByRole('button', { name: '新的报名' }).waitFor();
    await expectAccessible(family, 'family-applications');
    await family.getByRole('button', { name: '新的报名' }).click();
    await family.getByRole('button', { name: '下一步' }).click();
    await family.getByLabel('儿童姓名').fill('李小明');
    await family.getByLabel('儿童身份证号').fill('45010320200315013X');
    await family.getByLabel('出生日期(YYYY-MM-DD)').fill('2020-03-15');
    await family.getByLabel('男').check();
    await family.getByLabel('民族代码(如 01 汉族,08 壮族)').fill('08');
    await family.getByLabel('户籍地址').fill('南宁市青秀区民族大道100号');
    await family.getByLabel('户籍所在县区代码').fill('450103');
    await family.getByLabel('现居住地址').fill('南宁市青秀区民族大道100号');
    await expectAccessible(family, 'family-apply-child');
    await family.getByRole('button', { name: '下一步' }).click();
    await family.getByLabel('监护人姓名').fill('李大明');
    await pick(family, '与儿童关系', '父亲');
    await family.getByLabel('监护人身份证号').fill('450103198805060751');
    // The API's own rule text under the field as the family types.
    await family.getByLabel('手机号码').fill('12345');
    await family.getByText('手机号码应为以13至19开头的11位数字。').waitFor();
    await family.getByLabel('手机号码').fill('13800138000');
    await expectAccessible(family, 'family-apply-guardians');
    await family.getByRole('button', { name: '下一步' }).click();
    await pick(family, '住房类型', '自有住房(独有)');
    await family.getByLabel('不动产权证或合同编号').fill('桂(2021)南宁市不动产权第0012345号');
    await family.getByLabel('住房地址').fill('南宁市青秀区民族大道100号');
    await expectAccessible(family, 'family-apply-housing');
    await family.getByRole('button', { name: '下一步' }).click();
    await family.getByLabel('第 1 志愿学校代码').fill('450103-P01');
    // The consents in the published words, and the version the case will record.
    await family.getByText('知情同意书版本 2026-01').waitFor();
    await family.getByLabel('数据核验授权').check();
    await family.getByLabel('监护人同意').check();
    await expectAccessible(family, 'family-apply-choices');
    await family.getByRole('button', { name: '提交报名' }).click();
    await family.waitForURL(/\/m\/app\//);
    applicationNo = decodeURIComponent(family.url().split('/m/app/')[1]!);
    await waitForStatus(family, 'AWAITING_REVIEW');
    await expectAccessible(family, 'family-application-awaiting-review');
    await readmeScreenshot(family, 'family-phone');
    stepsDone += 1;
  });

  it('a reviewer opens the case, sees the evidence and asks for a supplement', async () => {
    expect({ stepsDone }).toEqual({ stepsDone: 1 }); // each step needs the one before
    reviewer = await newPage(browser(), DESKTOP);
    await reviewer.goto(`${stackUrl()}/console`);
    await reviewer.getByLabel('账号').waitFor();
    await expectAccessible(reviewer, 'staff-sign-in');
    await signInStaff(reviewer, '审核员(县教育局)', 'reviewer-01');
    // The queue reads the read model, which records the status a moment after the family sees it.
    await reloadUntil(reviewer, `a[href="/console/review/${applicationNo}"]`, 'the case queued');
    await expectAccessible(reviewer, 'review-queue');
    // The server filters the queue: no department was unavailable to this case, each answered.
    const link = reviewer.getByRole('link', { name: applicationNo });
    await pick(reviewer, '核验结果', '接口不可用');
    await link.waitFor({ state: 'detached' });
    await pick(reviewer, '核验结果', '一致');
    await link.click();
    await reviewer.getByText('IDENTITY', { exact: true }).waitFor();
    await reviewer.getByLabel('IDENTITY 证据').waitFor();
    await expectAccessible(reviewer, 'reviewer-case');
    await readmeScreenshot(reviewer, 'reviewer-case');
    await reviewer.getByRole('tab', { name: '要求补充材料' }).click();
    await pick(reviewer, '所需材料', '户口簿');
    await reviewer.getByLabel('说明').fill('请上传户口簿首页和本人页照片');
    await reviewer.getByRole('button', { name: '发出补充要求' }).click();
    await waitForOutcome(reviewer, '已提交,当前状态 NEEDS_SUPPLEMENT');
    stepsDone += 1;
  });

  it('the family answers the supplement with a photo', async () => {
    expect({ stepsDone }).toEqual({ stepsDone: 2 }); // each step needs the one before
    await waitForStatus(family, 'NEEDS_SUPPLEMENT');
    await family.setInputFiles('#supplement-file', {
      name: 'hukou.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await family.getByTestId('uploaded').filter({ hasText: 'hukou.png' }).waitFor();
    await expectAccessible(family, 'family-supplement');
    await family.getByRole('button', { name: '提交补充材料' }).click();
    await waitForStatus(family, 'AWAITING_REVIEW');
    stepsDone += 1;
  });

  it('the reviewer sees the photo and approves', async () => {
    expect({ stepsDone }).toEqual({ stepsDone: 3 }); // each step needs the one before
    // The page loads once: reload until the case is back for review with the family's photo.
    await waitForStatus(reviewer, 'AWAITING_REVIEW');
    await reloadUntil(reviewer, 'button:has-text("查看 hukou.png")', 'the photo in the case file');
    await reviewer.getByRole('button', { name: '查看 hukou.png' }).click();
    await reviewer.getByRole('img', { name: 'hukou.png' }).waitFor();
    await reviewer.keyboard.press('Escape');
    // The document proves policy care (军人子女): the reviewer confirms it and the tier follows.
    await reviewer.getByRole('button', { name: '添加事实' }).click();
    await pick(reviewer, '事实 1 类型', '政策性照顾');
    await pick(reviewer, '事实 1 照顾类别', '军人子女');
    await expectAccessible(reviewer, 'reviewer-facts');
    await reviewer.getByRole('button', { name: '确认事实并重新评估' }).click();
    await reloadUntil(reviewer, 'div:has-text("· POLICY_CARE")', 'the policy-care tier');
    // Exact names: 通过 is also part of 不通过, the rejection's tab.
    await reviewer.getByRole('tab', { name: '通过', exact: true }).click();
    await reviewer.getByRole('button', { name: '审核通过', exact: true }).click();
    // The case reloads into a status with nothing to decide; the reviewer still reads the result.
    await reviewer.getByText('当前状态不需审核决定。').waitFor();
    await waitForOutcome(reviewer, '已提交,当前状态 APPROVED');
    await screenshot(reviewer, 'reviewer-approved');
    stepsDone += 1;
  });
});
