import fc from 'fast-check';
import { LatencyLimit } from './latency-limit';

const TARGET = 200;
const slow = TARGET + 1;
const fast = TARGET;
const latencies = fc.array(fc.integer({ min: 0, max: 5 * TARGET }), { maxLength: 300 });
const ceilings = fc.integer({ min: 1, max: 128 });
const steered = (ceiling: number) => new LatencyLimit({ ceiling, targetMs: TARGET });

describe('the latency-steered limit on submissions at once', () => {
  it('stays between 1 and the ceiling, whatever the latencies', () => {
    fc.assert(
      fc.property(ceilings, latencies, (ceiling, seen) => {
        const limit = steered(ceiling);
        for (const ms of seen) {
          limit.finished(ms);
          expect(limit.current).toBeGreaterThanOrEqual(1);
          expect(limit.current).toBeLessThanOrEqual(ceiling);
        }
      }),
    );
  });

  it('never grows on a slow submission, never shrinks on one within the target', () => {
    fc.assert(
      fc.property(ceilings, latencies, (ceiling, seen) => {
        const limit = steered(ceiling);
        for (const ms of seen) {
          const before = limit.current;
          limit.finished(ms);
          if (ms > TARGET) expect(limit.current).toBeLessThanOrEqual(before);
          else expect(limit.current).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });

  it('is the ceiling throughout without a target', () => {
    fc.assert(
      fc.property(ceilings, latencies, (ceiling, seen) => {
        const limit = new LatencyLimit({ ceiling, targetMs: null });
        expect(limit.current).toBe(ceiling);
        for (const ms of seen) limit.finished(ms);
        expect(limit.current).toBe(ceiling);
      }),
    );
  });

  it('starts at one and grows by one a submission within the target until the first slow one', () => {
    const limit = steered(64);
    expect(limit.current).toBe(1);
    for (let i = 0; i < 9; i++) limit.finished(fast);
    expect(limit.current).toBe(10);
    limit.finished(slow);
    expect(limit.current).toBe(8);
    // Found: ten more within the target add a tenth of one each round of eight, not ten.
    for (let i = 0; i < 10; i++) limit.finished(fast);
    expect(limit.current).toBe(8);
  });

  it('cuts by a fifth a slow submission: 64 to 6 after 10 of them', () => {
    const limit = steered(64);
    for (let i = 0; i < 63; i++) limit.finished(fast);
    expect(limit.current).toBe(64);
    for (let i = 0; i < 10; i++) limit.finished(slow);
    expect(limit.current).toBe(6); // 64 × 0.8^10 = 6.9
  });

  it('once found, grows by a tenth of one a round of submissions within the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 32 }), (ceiling) => {
        const limit = steered(ceiling);
        limit.finished(slow);
        expect(limit.current).toBe(1);
        // From n to n + 1 takes 10·n submissions within the target: 5·ceiling·(ceiling − 1) in all.
        let finished = 0;
        while (limit.current < ceiling) {
          limit.finished(fast);
          finished += 1;
        }
        const expected = 5 * ceiling * (ceiling - 1);
        expect(finished).toBeGreaterThanOrEqual(expected - ceiling);
        expect(finished).toBeLessThanOrEqual(expected + 10 * ceiling);
      }),
    );
  });
});
