/**
 * The one factor behind every wall-clock allowance in the integration tests: the deadlines of
 * `eventually`, the readiness limit of child processes, the Jest caps of tests and hooks, and the
 * short product timers a test must get ahead of (an HTTP time-out, a supplement deadline).
 *
 * Waits are on conditions, so a generous factor costs nothing when the machine is quick: only a
 * failing test waits out its deadline. The default of 3 covers a 2-core machine that runs other
 * work beside the suite (load 6–10, about three times fewer CPU seconds per wall-clock second
 * than a quiet machine); set TEST_TIME_SCALE=1 to fail fast while developing, or higher on a
 * machine busier still.
 */
export const TIME_SCALE = parseScale(process.env.TEST_TIME_SCALE);

function parseScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 1)
    throw new Error(`TEST_TIME_SCALE must be a number ≥ 1, not "${raw}"`);
  return value;
}

/** `ms` as measured on a quiet machine, stretched for this one. */
export function scaled(ms: number): number {
  return Math.round(ms * TIME_SCALE);
}

/**
 * A point in time shared by several waits, so that together they fit inside the test's own Jest
 * cap instead of each taking its full allowance one after the other.
 */
export interface Deadline {
  readonly at: number;
  /** The allowance before scaling, for the message of a wait that runs out. */
  readonly baseMs: number;
}

export function deadlineIn(baseMs: number): Deadline {
  return { at: Date.now() + scaled(baseMs), baseMs };
}

/** Every test's and hook's Jest cap unless a test sets its own, before scaling. */
export const TEST_CAP_MS = 180_000;
/** What a test's waits leave of its cap for its last requests and assertions. */
export const TEST_MARGIN_MS = 15_000;
