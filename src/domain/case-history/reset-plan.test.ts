import fc from 'fast-check';
import { RuleViolationError } from '../errors';
import type { CaseEvent } from './events';
import { planReset } from './reset-plan';
import { historyOf } from '../../testing/case-events';

const options = { decisionSignals: ['admissionResult'] };
const update = (updateId: string, name: string, identity: string) =>
  [
    { kind: 'taskCompleted' },
    { kind: 'updateAccepted', updateId, name, args: [{ updateId }], identity },
  ] as const;
const done = (updateId: string, ok = true) =>
  ({ kind: 'updateCompleted', updateId, ok, message: ok ? null : 'refused' }) as const;

/** A case submitted, verified, sent for a supplement, supplemented, approved and admitted. */
function approvedCase(): CaseEvent[] {
  return historyOf(
    { kind: 'started', identity: 'api' },
    { kind: 'taskCompleted' },
    { kind: 'statusSet', status: 'SUBMITTED' },
    { kind: 'taskCompleted' },
    { kind: 'statusSet', status: 'VERIFYING' },
    { kind: 'activityScheduled', activityId: '3', activityType: 'verifyIdentity' },
    { kind: 'activityStarted', scheduledId: 6, attempt: 2 },
    { kind: 'activityClosed', scheduledId: 6, outcome: 'COMPLETED', message: null },
    { kind: 'taskCompleted' },
    { kind: 'statusSet', status: 'AWAITING_REVIEW' },
    { kind: 'timerStarted', timerId: '1', durationMs: 86_400_000 },
    ...update('u1', 'requestSupplement', 'reviewer:r'),
    { kind: 'statusSet', status: 'NEEDS_SUPPLEMENT' },
    done('u1'),
    ...update('u2', 'provideSupplement', 'parent:p'),
    { kind: 'statusSet', status: 'AWAITING_REVIEW' },
    done('u2'),
    ...update('u3', 'decide', 'reviewer:r'),
    { kind: 'statusSet', status: 'APPROVED' },
    done('u3'),
    ...update('u4', 'decide', 'reviewer:r'),
    done('u4', false),
    { kind: 'signaled', name: 'admissionResult', args: [{}], identity: 'round' },
    { kind: 'signaled', name: 'somethingElse', args: [], identity: 'x' },
    { kind: 'taskCompleted' },
    { kind: 'statusSet', status: 'ADMITTED' },
  );
}

describe('planReset', () => {
  it("goes back to the task that took the step and re-applies people's later decisions in order", () => {
    const events = approvedCase();
    const plan = planReset(events, { step: 4 }, options);
    expect(plan.fromStep).toBe(4);
    expect(plan.resetEventId).toBe(12);
    expect(events.find((e) => e.id === plan.resetEventId)?.kind).toBe('taskCompleted');
    expect(plan.undoneStatuses).toEqual([
      'NEEDS_SUPPLEMENT',
      'AWAITING_REVIEW',
      'APPROVED',
      'ADMITTED',
    ]);
    expect(plan.reapply.map((a) => `${a.kind}:${a.name}:${a.identity}`)).toEqual([
      'update:requestSupplement:reviewer:r',
      'update:provideSupplement:parent:p',
      'update:decide:reviewer:r',
      'signal:admissionResult:round',
    ]);
    expect(plan.superseded).toEqual([]);
    expect(plan.redoneByCode).toEqual(
      expect.arrayContaining(['Status → NEEDS_SUPPLEMENT', 'Status → ADMITTED']),
    );
    expect(plan.redoneByCode.join('\n')).not.toMatch(/requestSupplement|decide|admissionResult/);
  });

  it('lets a delivered decision replace the first decision after the reset point, in its place', () => {
    const plan = planReset(
      approvedCase(),
      { status: 'APPROVED' },
      { ...options, delivers: 'decide' },
    );
    expect(plan.fromStep).toBe(6);
    expect(plan.superseded.map((a) => a.args)).toEqual([[{ updateId: 'u3' }]]);
    expect(plan.reapply.map((a) => a.name)).toEqual(['admissionResult']);
    expect(plan.deliverAt).toBe(0);

    const fromVerifying = planReset(
      approvedCase(),
      { status: 'VERIFYING' },
      { ...options, delivers: 'decide' },
    );
    expect(fromVerifying.reapply.map((a) => a.name)).toEqual([
      'requestSupplement',
      'provideSupplement',
      'admissionResult',
    ]);
    expect(fromVerifying.deliverAt).toBe(2);
  });

  it('from the first step, undoes everything and re-sends every decision', () => {
    const plan = planReset(approvedCase(), { step: 1 }, options);
    expect(plan.resetEventId).toBe(2);
    expect(plan.undoneStatuses).toHaveLength(7);
    expect(plan.reapply).toHaveLength(4);
    expect(plan.deliverAt).toBe(0);
  });

  it('takes the last time the case entered a status, and re-runs verification from VERIFYING', () => {
    const fromReview = planReset(approvedCase(), { status: 'AWAITING_REVIEW' }, options);
    expect(fromReview.fromStep).toBe(5);
    const fromVerifying = planReset(approvedCase(), { status: 'VERIFYING' }, options);
    expect(fromVerifying.resetEventId).toBe(4);
    expect(fromVerifying.redoneByCode).toContain('verifyIdentity: completed after 2 attempts');
  });

  it('refuses a step the case never took, naming the field', () => {
    for (const [target, path] of [
      [{ step: 0 }, 'fromStep'],
      [{ step: 8 }, 'fromStep'],
      [{ status: 'EXPIRED' }, 'fromStatus'],
    ] as const) {
      let thrown: unknown;
      try {
        planReset(approvedCase(), target, options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RuleViolationError);
      expect((thrown as RuleViolationError).violations).toEqual([
        expect.objectContaining({ path, code: 'RESET_STEP_UNKNOWN' }),
      ]);
    }
  });

  it('for any step: undoes it and every later one, and re-sends every accepted decision after the reset point exactly once', () => {
    const events = approvedCase();
    const steps = events.filter((e) => e.kind === 'statusSet').length;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: steps }),
        fc.constantFrom(undefined, 'decide', 'provideSupplement', 'requestSupplement'),
        (step, delivers) => {
          const plan = planReset(events, { step }, { ...options, ...(delivers && { delivers }) });
          expect(plan.undoneStatuses).toHaveLength(steps - step + 1);
          // Temporal keeps what is before the reset point: the steps before N, and not step N.
          const statusIds = events.filter((e) => e.kind === 'statusSet').map((e) => e.id);
          expect(statusIds.slice(0, step - 1).every((id) => id < plan.resetEventId)).toBe(true);
          expect(statusIds[step - 1]!).toBeGreaterThan(plan.resetEventId);
          expect(
            events.some(
              (e) =>
                e.kind === 'taskCompleted' &&
                e.id > plan.resetEventId &&
                e.id < statusIds[step - 1]!,
            ),
          ).toBe(false);
          const sent = [...plan.reapply, ...plan.superseded]
            .map((a) => a.eventId)
            .sort((a, b) => a - b);
          const expected = events
            .filter(
              (e) =>
                e.id > plan.resetEventId &&
                ((e.kind === 'updateAccepted' && e.updateId !== 'u4') ||
                  (e.kind === 'signaled' && e.name === 'admissionResult')),
            )
            .map((e) => e.id);
          expect(sent).toEqual(expected);
          expect(plan.superseded.length).toBeLessThanOrEqual(1);
          expect(plan.superseded.every((a) => a.name === delivers)).toBe(true);
        },
      ),
    );
  });
});
