import { setTimeout as delay } from 'node:timers/promises';
import { deadlineIn, TIME_SCALE, type Deadline } from './time-scale';

/** The end of the running test's Jest cap (less a margin); no wait outlives it. */
let testDeadline: Deadline | undefined;

/**
 * Set by the integration set-up around each test (and by a test with a cap of its own), so that
 * waits which together would outlast the test fail with the name of the condition they waited
 * for, not with Jest's bare "Exceeded timeout".
 */
export function setTestDeadline(deadline: Deadline | undefined): void {
  testDeadline = deadline;
}

/**
 * Polls until the probe returns a value (not undefined) or the time runs out. For state that
 * converges (workflow progress, visibility); never a fixed sleep. `within` is either an allowance
 * as measured on a quiet machine (stretched by TEST_TIME_SCALE) or a deadline several waits share.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  within: number | Deadline = 30_000,
): Promise<T> {
  const own = typeof within === 'number' ? deadlineIn(within) : within;
  const deadline = testDeadline && testDeadline.at < own.at ? testDeadline : own;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline.at) {
      const which = deadline === own ? 'its allowance' : 'the end of the test';
      throw new Error(
        `Timed out waiting for ${what}: ${which}, ${deadline.baseMs} ms × TEST_TIME_SCALE ${TIME_SCALE}`,
        { cause: lastError },
      );
    }
    await delay(200);
  }
}
