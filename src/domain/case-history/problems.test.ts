import fc from 'fast-check';
import { problemsOf } from './problems';

const now = new Date('2026-07-01T08:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('problemsOf', () => {
  it('names each problem a case shows', () => {
    expect(
      problemsOf(
        {
          pendingActivities: [{ attempt: 1 }, { attempt: 4 }],
          workflowTaskAttempt: 2,
          reviewOverdue: true,
          statusChangedAt: hoursAgo(73),
        },
        { minAttempts: 3, minHoursInState: 72 },
        now,
      ),
    ).toEqual(['ACTIVITY_FAILING', 'WORKFLOW_TASK_FAILING', 'REVIEW_OVERDUE', 'LONG_IN_STATE']);
    expect(
      problemsOf(
        {
          pendingActivities: [{ attempt: 2 }],
          workflowTaskAttempt: 1,
          reviewOverdue: false,
          statusChangedAt: null,
        },
        { minAttempts: 3, minHoursInState: 72 },
        now,
      ),
    ).toEqual([]);
  });

  it('flags a failing activity exactly when some attempt reaches the threshold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 6 }),
        fc.integer({ min: 2, max: 50 }),
        (attempts, minAttempts) => {
          const problems = problemsOf(
            {
              pendingActivities: attempts.map((attempt) => ({ attempt })),
              workflowTaskAttempt: 1,
              reviewOverdue: false,
              statusChangedAt: now,
            },
            { minAttempts, minHoursInState: 1 },
            now,
          );
          expect(problems.includes('ACTIVITY_FAILING')).toBe(
            attempts.some((a) => a >= minAttempts),
          );
        },
      ),
    );
  });

  it('counts time in state from the status change, at the threshold and not before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (h, limit) => {
          const problems = problemsOf(
            {
              pendingActivities: [],
              workflowTaskAttempt: 0,
              reviewOverdue: false,
              statusChangedAt: hoursAgo(h),
            },
            { minAttempts: 3, minHoursInState: limit },
            now,
          );
          expect(problems.includes('LONG_IN_STATE')).toBe(h >= limit);
        },
      ),
    );
  });
});
