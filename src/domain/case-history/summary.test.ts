import { summariseHistory } from './summary';
import { historyOf } from '../../testing/case-events';

describe('summariseHistory', () => {
  it('tells the history as an operator reads it, one line per activity however many attempts, each with the reset point before it', () => {
    const steps = summariseHistory(
      historyOf(
        { kind: 'started', identity: 'api@host' },
        { kind: 'taskCompleted' },
        { kind: 'statusSet', status: 'VERIFYING' },
        { kind: 'activityScheduled', activityId: '1', activityType: 'verifyHousehold' },
        { kind: 'activityStarted', scheduledId: 4, attempt: 5 },
        { kind: 'activityClosed', scheduledId: 4, outcome: 'FAILED', message: 'HTTP 503' },
        { kind: 'taskFailed', cause: 'NON_DETERMINISTIC_ERROR', message: 'activity type changed' },
        { kind: 'timerStarted', timerId: '2', durationMs: 3 * 86_400_000 },
        { kind: 'taskCompleted' },
        { kind: 'updateAccepted', updateId: 'u', name: 'decide', args: [], identity: 'reviewer:r' },
        { kind: 'updateCompleted', updateId: 'u', ok: false, message: 'not now' },
        { kind: 'signaled', name: 'admissionResult', args: [], identity: 'round' },
        { kind: 'cancelRequested', identity: 'operator:o', reason: 'duplicate' },
        { kind: 'closed', how: 'TERMINATED', reason: 'stuck', identity: 'operator:o' },
      ),
    );
    expect(steps.map((s) => s.text)).toEqual([
      'Case workflow started by api@host',
      'Status → VERIFYING',
      'verifyHousehold: failed after 5 attempts: HTTP 503',
      'Workflow task failed (NON_DETERMINISTIC_ERROR): activity type changed',
      'Timer 2 set for 3 d',
      'decide by reviewer:r: failed (not now)',
      'Signal admissionResult from round',
      'Cancellation requested by operator:o: duplicate',
      'Workflow terminated by operator:o: stuck',
    ]);
    expect(steps[2]!.eventIds).toEqual([4, 6]);
    expect(steps.map((s) => s.resetPoint)).toEqual([null, 2, 2, 2, 2, 9, 9, 9, 9]);
  });

  it('tells a quiet history too: a step while scheduled, one attempt, updates done, unknown callers, every duration', () => {
    const texts = (...events: Parameters<typeof historyOf>) =>
      summariseHistory(historyOf(...events)).map((s) => s.text);
    expect(
      texts(
        { kind: 'started', identity: '' },
        { kind: 'activityScheduled', activityId: '1', activityType: 'verifyIdentity' },
        { kind: 'activityScheduled', activityId: '2', activityType: 'verifyHousehold' },
        { kind: 'activityStarted', scheduledId: 3, attempt: 1 },
        { kind: 'activityClosed', scheduledId: 3, outcome: 'COMPLETED', message: null },
        { kind: 'activityStarted', scheduledId: 99, attempt: 4 },
        { kind: 'activityClosed', scheduledId: 99, outcome: 'FAILED', message: 'unknown' },
        { kind: 'overdueSet', overdue: true },
        { kind: 'overdueSet', overdue: false },
        { kind: 'timerStarted', timerId: '7', durationMs: 2 * 3_600_000 },
        { kind: 'timerStarted', timerId: '8', durationMs: 15 * 60_000 },
        { kind: 'timerStarted', timerId: '9', durationMs: 1_500 },
        { kind: 'timerFired', timerId: '7' },
        { kind: 'updateAccepted', updateId: 'a', name: 'decide', args: [], identity: 'reviewer:r' },
        { kind: 'updateCompleted', updateId: 'a', ok: true, message: null },
        { kind: 'updateAccepted', updateId: 'b', name: 'withdraw', args: [], identity: 'family' },
        { kind: 'updateCompleted', updateId: 'b', ok: false, message: null },
        { kind: 'updateCompleted', updateId: 'never-accepted', ok: true, message: null },
        { kind: 'signaled', name: 'admissionResult', args: [], identity: '' },
        { kind: 'cancelRequested', identity: 'operator:o', reason: '' },
        { kind: 'closed', how: 'COMPLETED', reason: '', identity: '' },
        { kind: 'other', type: 'MARKER_RECORDED' },
      ),
    ).toEqual([
      'Case workflow started by unknown',
      'verifyIdentity: scheduled',
      'verifyHousehold: completed',
      'Review flagged overdue (SLA passed)',
      'Overdue flag cleared',
      'Timer 7 set for 2 h',
      'Timer 8 set for 15 min',
      'Timer 9 set for 1.5 s',
      'Timer 7 fired',
      'decide by reviewer:r: done',
      'withdraw by family: failed',
      'Signal admissionResult from unknown',
      'Cancellation requested by operator:o',
      'Workflow completed',
    ]);
  });
});
