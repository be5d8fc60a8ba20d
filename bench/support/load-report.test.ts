import fc from 'fast-check';
import { bucketQuantile } from './load-report';

const BOUNDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, Infinity];

/** Cumulative buckets of a set of observations, as a Prometheus histogram exposes them. */
const bucketsOf = (values: readonly number[]) =>
  BOUNDS.map((le) => ({ le, count: values.filter((v) => v <= le).length }));

const observations = fc.array(fc.double({ min: 0, max: 9.99, noNaN: true }), {
  minLength: 1,
  maxLength: 300,
});

describe('bucketQuantile (bench:load, a stage’s p99 from its histogram)', () => {
  it('lies in the bucket that holds the exact quantile', () => {
    fc.assert(
      fc.property(observations, fc.double({ min: 0.01, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
        const upper = BOUNDS.find((le) => exact <= le)!;
        const lower = BOUNDS[BOUNDS.indexOf(upper) - 1] ?? 0;
        const estimate = bucketQuantile(bucketsOf(values), q);
        expect(estimate).toBeGreaterThanOrEqual(lower);
        expect(estimate).toBeLessThanOrEqual(upper);
      }),
    );
  });

  it('never falls as the quantile rises', () => {
    fc.assert(
      fc.property(observations, fc.double({ min: 0.01, max: 0.98, noNaN: true }), (values, q) => {
        const buckets = bucketsOf(values);
        expect(bucketQuantile(buckets, q + 0.01)).toBeGreaterThanOrEqual(
          bucketQuantile(buckets, q),
        );
      }),
    );
  });

  it('interpolates inside a bucket, and gives the last finite bound past it', () => {
    // 100 observations: 50 up to 10 ms, 50 between 10 and 25 ms; the median is the first bound.
    const halves = [
      { le: 0.01, count: 50 },
      { le: 0.025, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(bucketQuantile(halves, 0.5)).toBeCloseTo(0.01);
    expect(bucketQuantile(halves, 0.75)).toBeCloseTo(0.0175);
    const slow = [
      { le: 0.01, count: 1 },
      { le: Infinity, count: 10 },
    ];
    expect(bucketQuantile(slow, 0.99)).toBe(0.01);
    expect(bucketQuantile([{ le: Infinity, count: 0 }], 0.99)).toBeNaN();
  });
});
