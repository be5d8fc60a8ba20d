const POLL_MS = 200;

/**
 * Asks again every 200 ms until the answer will do or the time is up, and returns the last answer:
 * what the console waits on (a run leaving a status, the read model catching up) gets there on its
 * own, and a late answer is still worth reporting.
 */
export async function pollUntil<T>(
  ask: () => Promise<T>,
  enough: (answer: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (enough(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** How long a closing waits for the cancelled case to record its final status. */
const CLOSE_WAIT_MS = 10_000;

/** The status a cancelled case records, once it has (briefly waited for), else the last one seen. */
export async function statusAfterCancel(
  statusOf: () => Promise<string | undefined>,
): Promise<string> {
  return (await pollUntil(statusOf, (s) => s === 'CANCELLED', CLOSE_WAIT_MS)) ?? 'UNKNOWN';
}
