import type { Browser } from 'playwright-core';
import { scaled } from '../support/time-scale';
import { launchChromium } from './browser';

/**
 * The set-up every browser test file shares: a generous per-test time for a loaded 2-core
 * machine, and one Chromium launched before the file's tests and closed after them. Call it at
 * the top of the file; it answers the browser once launched.
 */
export function chromiumPerFile(): () => Browser {
  jest.setTimeout(scaled(200_000));
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, scaled(60_000));
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('Chromium did not start (see the beforeAll failure)');
    return browser;
  };
}
