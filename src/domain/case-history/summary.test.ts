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
});
