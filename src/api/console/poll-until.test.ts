import { pollUntil } from './poll-until';

describe('pollUntil', () => {
  it('asks until the answer will do, and returns it', async () => {
    let asked = 0;
    const answer = await pollUntil(
      () => Promise.resolve(++asked),
      (n) => n === 3,
      10_000,
    );
    expect(answer).toBe(3);
    expect(asked).toBe(3);
  });

  it('returns the last answer once the time is up', async () => {
    let asked = 0;
    const answer = await pollUntil(
      () => Promise.resolve(++asked),
      () => false,
      50,
    );
    // Asked once, and once more after the first pause, which outlasts the time allowed.
    expect(answer).toBe(asked);
    expect(asked).toBeLessThanOrEqual(2);
  });
});
