import fc from 'fast-check';
import { LatencyLimit } from './latency-limit';

const TARGET = 200;
const slow = TARGET + 1;
const fast = TARGET;
const latencies = fc.array(fc.integer({ min: 0, max: 5 * TARGET }), { maxLength: 300 });
const ceilings = fc.integer({ min: 1, max: 128 });

describe('the latency-steered limit on submissions at once', () => {
  it('starts at the ceiling and stays between 1 and it, whatever the latencies', () => {
    fc.assert(
      fc.property(ceilings, latencies, (ceiling, seen) => {
        const limit = new LatencyLimit({ ceiling, targetMs: TARGET });
        expect(limit.current).toBe(ceiling);
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
        const limit = new LatencyLimit({ ceiling, targetMs: TARGET });
        for (const ms of seen) {
          const before = limit.current;
          limit.finished(ms);
          if (ms > TARGET) expect(limit.current).toBeLessThanOrEqual(before);
          else expect(limit.current).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });

  it('stays at the ceiling without a target', () => {
    fc.assert(
      fc.property(ceilings, latencies, (ceiling, seen) => {
        const limit = new LatencyLimit({ ceiling, targetMs: null });
        for (const ms of seen) limit.finished(ms);
        expect(limit.current).toBe(ceiling);
      }),
    );
  });

  it('falls by a tenth a slow submission: 64 to 6 after 22 of them, to 5 after 23', () => {
    const limit = new LatencyLimit({ ceiling: 64, targetMs: TARGET });
    for (let i = 0; i < 22; i++) limit.finished(slow);
    expect(limit.current).toBe(6); // 64 × 0.9^22 = 6.3
    limit.finished(slow);
    expect(limit.current).toBe(5);
  });

  it('climbs back to the ceiling by one a round of submissions within the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), (ceiling) => {
        const limit = new LatencyLimit({ ceiling, targetMs: TARGET });
        for (let i = 0; i < 200; i++) limit.finished(slow);
        expect(limit.current).toBe(1);
        // From n to n + 1 takes about n submissions within the target: ceiling² / 2 in all.
        let finished = 0;
        while (limit.current < ceiling) {
          limit.finished(fast);
          finished += 1;
        }
        expect(finished).toBeLessThanOrEqual((ceiling * ceiling) / 2 + ceiling);
        expect(finished).toBeGreaterThanOrEqual(((ceiling - 1) * (ceiling - 2)) / 2);
      }),
    );
  });
});
