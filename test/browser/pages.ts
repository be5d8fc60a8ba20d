import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../src/config/paths';
import type { Family } from '../../src/simulator/family-records';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { scaled } from '../support/time-scale';
import { screenshot, seriousAccessibilityViolations } from './browser';

/** The stack global-setup.ts started for the run. */
export function stackUrl(): string {
  const url = process.env.BROWSER_STACK_URL;
  if (!url) throw new Error('BROWSER_STACK_URL is not set: run the Jest project "browser"');
  return url;
}

export function simulatorUrl(): string {
  const url = process.env.BROWSER_SIMULATOR_URL;
  if (!url) throw new Error('BROWSER_SIMULATOR_URL is not set: run the Jest project "browser"');
  return url;
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1366, height: 900 };

/** A fresh browser context (its own sessionStorage: its own signed-in person) and its page. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<Page> {
  // bypassCSP lets the test inject axe-core; the pages themselves run under the API's CSP.
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'zh-CN' });
  // Generous: a loaded 2-core machine renders slowly, and a wait only lasts as long as it must.
  context.setDefaultTimeout(scaled(20_000));
  context.setDefaultNavigationTimeout(scaled(40_000));
  const page = await context.newPage();
  recordRefusals(page);
  return page;
}

/** The API's refusals each page saw, newest last, for the message of a wait that runs out. */
const refusals = new WeakMap<Page, string[]>();

function recordRefusals(page: Page): void {
  const seen: string[] = [];
  refusals.set(page, seen);
  page.on('response', (response) => {
    if (response.status() < 400 || !response.url().startsWith(stackUrl())) return;
    const what = `${response.request().method()} ${new URL(response.url()).pathname} → ${response.status()}`;
    // The problem's code and the violated fields' rules (never values), when the body has them.
    void response.json().then(
      (problem: Problem) => seen.push(`${what} ${problemSummary(problem)}`),
      () => seen.push(what),
    );
  });
}

interface Problem {
  code?: string;
  violations?: { path: string; code: string }[];
}

function problemSummary(problem: Problem): string {
  const rules = (problem.violations ?? []).map((v) => `${v.path}: ${v.code}`);
  return [problem.code ?? '', ...rules].join(' ');
}

/**
 * Waits for `text` (what a form shows once the API accepted it). When it never comes, the error
 * names what the page showed instead (its alerts) and what the API refused, so a failure on a busy
 * CI machine says whether the request was refused, failed or was merely slow.
 */
export async function waitForOutcome(page: Page, text: string): Promise<void> {
  try {
    await page.getByText(text).waitFor();
  } catch (error) {
    const alerts = await page
      .getByRole('alert')
      .allInnerTexts()
      .catch(() => []);
    const refused = refusals.get(page) ?? [];
    throw new Error(
      `${(error as Error).message}\nAlerts on the page: ${JSON.stringify(alerts)}\n` +
        `API refusals: ${JSON.stringify(refused.slice(-10))}`,
      { cause: error },
    );
  }
}

/** Saves the page's screenshot under test-results/browser/ and asks axe-core about it. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
}

/**
 * The README's screenshots (`npm run screenshots`): the visible part of the page, saved under
 * docs/screenshots/ only when README_SCREENSHOTS is set, so test runs leave the repository alone.
 */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  if (!process.env.README_SCREENSHOTS) return;
  const dir = join(projectRoot(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
}

/**
 * Picks an option of the antd Select labelled `label`, and sees it chosen: on a loaded machine a
 * click on an option still opening can be lost, and a form sent without the choice is refused
 * (seen in a busy CI run). A choice not shown is picked again; a multiple Select's tag already
 * shown is left alone, so it is never toggled off.
 */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  const id = await select.getAttribute('id');
  if (!id) throw new Error(`the Select labelled ${label} has no id`);
  const list = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${id}_list"]`) });
  const root = page.locator('.ant-select', { has: page.locator(`[id="${id}"]`) });
  const multiple = await root.evaluate((e) => e.classList.contains('ant-select-multiple'));
  // What the Select shows once chosen: a single choice's value, or a multiple one's tag.
  const shown = '.ant-select-content-has-value, .ant-select-selection-item';
  await eventually(
    async () => {
      if (!(await list.isVisible())) await select.click();
      const item = list.locator('.ant-select-item-option', { hasText: option }).first();
      const chosen = root.locator(shown, { hasText: exactly(await item.innerText()) });
      if (!multiple || (await chosen.count()) === 0) await item.click();
      await chosen
        .first()
        .waitFor({ timeout: scaled(3_000) })
        .catch(() => undefined);
      return (await chosen.count()) > 0 ? true : undefined;
    },
    `${option} chosen in ${label}`,
    30_000,
  );
  // A single choice closes the list. Until its closing motion ends, the list (whose listbox has
  // no name of its own) is still on the page, and an accessibility scan then would flag it.
  if (!multiple) await list.waitFor({ state: 'hidden' });
}

/** Text that is `text` and nothing more (an option's name is often part of another's). */
function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Signs in on /console with the development role picker. */
export async function signInStaff(page: Page, role: string, sub: string): Promise<void> {
  await page.goto(`${stackUrl()}/console`);
  await pick(page, '角色', role);
  await page.getByLabel('账号').fill(sub);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Reloads until `selector` is on the page (the pages load once); `what` names the wait. */
export async function reloadUntil(page: Page, selector: string, what: string): Promise<void> {
  await eventually(
    async () => {
      if ((await page.locator(selector).count()) > 0) return true;
      await page.reload();
      await page
        .locator(selector)
        .first()
        .waitFor({ timeout: scaled(5_000) })
        .catch(() => undefined);
      return undefined;
    },
    what,
    90_000,
  );
}

/** Reloads until a status tag shows the wanted status. */
export function waitForStatus(page: Page, status: string): Promise<void> {
  return reloadUntil(page, `[data-status="${status}"]`, `status ${status}`);
}

/** A bearer token from the development sign-in, for a test's own calls to the API. */
export async function devToken(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${stackUrl()}/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`dev-token: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Files the family's truthful form through the API as its first guardian; the case's number. */
export async function fileCase(family: Family): Promise<string> {
  const token = await devToken({
    role: 'PARENT',
    sub: `family-${family.familyNo}`,
    guardianIdNumber: family.guardians[0]!.idNumber,
  });
  const response = await fetch(`${stackUrl()}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(formForFamily(family)),
  });
  const body = (await response.json()) as { applicationNo?: string };
  if (response.status !== 201 || !body.applicationNo)
    throw new Error(`filing ${family.familyNo}: ${response.status} ${JSON.stringify(body)}`);
  return body.applicationNo;
}
