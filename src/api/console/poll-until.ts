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
