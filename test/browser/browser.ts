import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/config/paths';

/**
 * Debian's Chromium, driven by playwright-core: nothing is downloaded. `.ci/run` installs the
 * `chromium` and `fonts-noto-cjk` packages when they are missing.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** Where each test's screenshots go (the test output; `docs/screenshots` keeps a few for the README). */
export const SCREENSHOT_DIR = join(projectRoot(), 'test-results', 'browser');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
};
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** Where, for the first few elements: a CSS selector and axe's summary of what fails. */
  readonly nodes: readonly string[];
}

/** axe-core's WCAG 2 A/AA rules on the page as it is; answers the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // Colours are read as they end, not halfway through a transition (a button turning enabled
  // would measure as an in-between blue): transitions are off while axe looks, on again after.
  const still = await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  try {
    // A string, evaluated in the page: this project's TypeScript has no DOM types.
    const violations = await page.evaluate<AxeViolation[]>(`
      axe.run(document, ${JSON.stringify(AXE_OPTIONS)}).then((result) =>
        result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + n.failureSummary) })))
    `);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  } finally {
    await still.evaluate((element) => (element as unknown as { remove(): void }).remove());
  }
}
