/**
 * A case's Temporal history in the terms operators reason about (DESIGN.md §7). The adapter in
 * src/case-runs/ reads Temporal's events into these; the rules here never see a protobuf.
 */
interface At {
  /** Temporal's event id: the order of the history and the handle for a reset. */
  readonly id: number;
  readonly at: string;
}

export type CaseEvent = At &
  (
    | { readonly kind: 'started'; readonly identity: string }
    | { readonly kind: 'taskCompleted' }
    | { readonly kind: 'taskFailed'; readonly cause: string; readonly message: string }
    | { readonly kind: 'statusSet'; readonly status: string }
    | { readonly kind: 'overdueSet'; readonly overdue: boolean }
    | {
        readonly kind: 'activityScheduled';
        readonly activityId: string;
        readonly activityType: string;
      }
    | { readonly kind: 'activityStarted'; readonly scheduledId: number; readonly attempt: number }
    | {
        readonly kind: 'activityClosed';
        readonly scheduledId: number;
        readonly outcome: 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'CANCELED';
        readonly message: string | null;
      }
    | { readonly kind: 'timerStarted'; readonly timerId: string; readonly durationMs: number }
    | { readonly kind: 'timerFired'; readonly timerId: string }
    | {
        readonly kind: 'updateAccepted';
        readonly updateId: string;
        readonly name: string;
        readonly args: readonly unknown[];
        readonly identity: string;
      }
    | {
        readonly kind: 'updateCompleted';
        readonly updateId: string;
        readonly ok: boolean;
        readonly message: string | null;
      }
    | {
        readonly kind: 'signaled';
        readonly name: string;
        readonly args: readonly unknown[];
        readonly identity: string;
      }
    | { readonly kind: 'cancelRequested'; readonly identity: string; readonly reason: string }
    | {
        readonly kind: 'closed';
        readonly how:
          'COMPLETED' | 'FAILED' | 'CANCELED' | 'TERMINATED' | 'TIMED_OUT' | 'CONTINUED';
        readonly reason: string | null;
        readonly identity: string | null;
      }
    | { readonly kind: 'other'; readonly type: string }
  );

export type CaseEventOf<K extends CaseEvent['kind']> = Extract<CaseEvent, { kind: K }>;
