import fc from 'fast-check';
import { RuleViolationError } from '../errors';
import type { CaseEvent } from './events';
import { planReset } from './reset-plan';
import { historyOf } from '../../testing/case-events';

type Spec = Parameters<typeof historyOf>[number];

const STATUSES = ['SUBMITTED', 'VERIFYING', 'AWAITING_REVIEW', 'NEEDS_SUPPLEMENT', 'APPROVED'];
const UPDATES = ['decide', 'requestSupplement', 'provideSupplement', 'withdraw'];
const DECISION_SIGNALS = ['admissionResult'];
const options = { decisionSignals: DECISION_SIGNALS };

/** What may happen inside one workflow task, as the adapter reads it from Temporal. */
const step = fc.oneof(
  fc.record({ what: fc.constant('activity' as const), attempt: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ what: fc.constant('timer' as const), fires: fc.boolean() }),
  fc.record({
    what: fc.constant('update' as const),
    name: fc.constantFrom(...UPDATES),
    ok: fc.boolean(),
    setsStatus: fc.boolean(),
  }),
  fc.record({
    what: fc.constant('signal' as const),
    name: fc.constantFrom('admissionResult', 'somethingElse'),
  }),
  fc.record({ what: fc.constant('overdue' as const) }),
);

/**
 * A generated case history: workflow tasks, each completed, then what it did. As in the recorded
 * histories, a task sets at most one status (the workflow awaits something after each change);
 * the first task sets the first one.
 */
const arbitraryHistory = fc
  .array(
    fc.record({
      status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
      steps: fc.array(step, { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((tasks) => {
    const specs: Spec[] = [{ kind: 'started', identity: 'api' }];
    let updates = 0;
    tasks.forEach((task, t) => {
      specs.push({ kind: 'taskCompleted' });
      let statusSet = false;
      const setStatus = (status: string) => {
        if (statusSet) return;
        specs.push({ kind: 'statusSet', status });
        statusSet = true;
      };
      if (t === 0) setStatus('SUBMITTED');
      else if (task.status) setStatus(task.status);
      for (const s of task.steps) {
        if (s.what === 'activity') {
          const scheduledId = specs.length + 1;
          specs.push(
            { kind: 'activityScheduled', activityId: String(scheduledId), activityType: 'verify' },
            { kind: 'activityStarted', scheduledId, attempt: s.attempt },
            { kind: 'activityClosed', scheduledId, outcome: 'COMPLETED', message: null },
          );
        } else if (s.what === 'timer') {
          specs.push({ kind: 'timerStarted', timerId: String(specs.length), durationMs: 1000 });
          if (s.fires) specs.push({ kind: 'timerFired', timerId: String(specs.length - 1) });
        } else if (s.what === 'update') {
          const updateId = `u${(updates += 1)}`;
          specs.push({
            kind: 'updateAccepted',
            updateId,
            name: s.name,
            args: [{ updateId }],
            identity: 'reviewer:r',
          });
          if (s.ok && s.setsStatus) setStatus('AWAITING_REVIEW');
          specs.push({
            kind: 'updateCompleted',
            updateId,
            ok: s.ok,
            message: s.ok ? null : 'refused',
          });
        } else if (s.what === 'signal') {
          specs.push({ kind: 'signaled', name: s.name, args: [{}], identity: 'round' });
        } else {
          specs.push({ kind: 'overdueSet', overdue: true });
        }
      }
    });
    return historyOf(...specs);
  });

const statusesOf = (events: readonly CaseEvent[]) =>
  events.flatMap((e) => (e.kind === 'statusSet' ? [e] : []));

/** What a reset to `resetEventId` must send again: accepted updates not refused, and decisions. */
function decisionsAfter(events: readonly CaseEvent[], resetEventId: number): number[] {
  const refused = new Set(
    events.flatMap((e) => (e.kind === 'updateCompleted' && !e.ok ? [e.updateId] : [])),
  );
  return events
    .filter(
      (e) =>
        e.id > resetEventId &&
        ((e.kind === 'updateAccepted' && !refused.has(e.updateId)) ||
          (e.kind === 'signaled' && DECISION_SIGNALS.includes(e.name))),
    )
    .map((e) => e.id);
}

describe('planReset over generated histories (properties)', () => {
  it('goes back to the task that took step N: it and every later step are undone, the earlier ones stay', () => {
    fc.assert(
      fc.property(arbitraryHistory, fc.nat(), (events, pick) => {
        const statuses = statusesOf(events);
        const n = (pick % statuses.length) + 1;
        const plan = planReset(events, { step: n }, options);
        expect(plan.fromStep).toBe(n);
        expect(plan.undoneStatuses).toEqual(statuses.slice(n - 1).map((s) => s.status));
        expect(events.find((e) => e.id === plan.resetEventId)?.kind).toBe('taskCompleted');
        const stepId = statuses[n - 1]!.id;
        expect(statuses.slice(0, n - 1).every((s) => s.id < plan.resetEventId)).toBe(true);
        expect(stepId).toBeGreaterThan(plan.resetEventId);
        const tasksBetween = events.filter(
          (e) => e.kind === 'taskCompleted' && e.id > plan.resetEventId && e.id < stepId,
        );
        expect(tasksBetween).toEqual([]);
      }),
    );
  });

  it('re-sends every accepted decision after the reset point once, in order, and a delivery replaces the first of its kind in its place', () => {
    fc.assert(
      fc.property(
        arbitraryHistory,
        fc.nat(),
        fc.option(fc.constantFrom(...UPDATES), { nil: undefined }),
        (events, pick, delivers) => {
          const statuses = statusesOf(events);
          const n = (pick % statuses.length) + 1;
          const plan = planReset(events, { step: n }, { ...options, delivers });
          const expected = decisionsAfter(events, plan.resetEventId);
          const all = [...plan.reapply];
          all.splice(plan.deliverAt, 0, ...plan.superseded);
          expect(all.map((a) => a.eventId)).toEqual(expected);
          const first = delivers ? all.find((a) => a.name === delivers) : undefined;
          expect(plan.superseded).toEqual(first ? [first] : []);
          if (!first) expect(plan.deliverAt).toBe(0);
          expect(plan.redoneByCode.some((text) => /withdraw|decide|Supplement/.test(text))).toBe(
            false,
          );
        },
      ),
    );
  });

  it('takes the last time the case entered a status, and names the field for a step it never took', () => {
    fc.assert(
      fc.property(arbitraryHistory, fc.constantFrom(...STATUSES), (events, status) => {
        const statuses = statusesOf(events).map((s) => s.status);
        const target = { status };
        if (!statuses.includes(status)) {
          expect(() => planReset(events, target, options)).toThrow(RuleViolationError);
          return;
        }
        expect(planReset(events, target, options).fromStep).toBe(statuses.lastIndexOf(status) + 1);
        for (const step of [0, statuses.length + 1]) {
          let thrown: unknown;
          try {
            planReset(events, { step }, options);
          } catch (error) {
            thrown = error;
          }
          expect((thrown as RuleViolationError).violations).toEqual([
            expect.objectContaining({ path: 'fromStep', code: 'RESET_STEP_UNKNOWN' }),
          ]);
        }
      }),
    );
  });
});
