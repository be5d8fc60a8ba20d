import type { CaseEvent, CaseEventOf } from './events';

/** One readable line of a case's history, with the events it stands for. */
export interface HistoryStep {
  readonly at: string;
  readonly eventIds: readonly number[];
  readonly text: string;
  /** A workflow task completed here: a point the case can be reset to. */
  readonly resetPoint: number | null;
}

const CLOSED_TEXT: Record<CaseEventOf<'closed'>['how'], string> = {
  COMPLETED: 'Workflow completed',
  FAILED: 'Workflow failed',
  CANCELED: 'Workflow cancelled',
  TERMINATED: 'Workflow terminated',
  TIMED_OUT: 'Workflow timed out',
  CONTINUED: 'Workflow continued as new',
};

/** The steps told so far, and what later events amend: activities' lines, updates' lines. */
class Narrative {
  readonly steps: HistoryStep[] = [];
  /** The last completed workflow task: where a step's case could be reset to. */
  lastTask: number | null = null;
  private readonly activities = new Map<
    number,
    { type: string; attempts: number; stepIndex: number }
  >();
  private readonly updates = new Map<string, number>();

  push(event: CaseEvent, text: string): number {
    this.steps.push({ at: event.at, eventIds: [event.id], text, resetPoint: this.lastTask });
    return this.steps.length - 1;
  }

  activityScheduled(event: CaseEventOf<'activityScheduled'>): void {
    this.activities.set(event.id, {
      type: event.activityType,
      attempts: 0,
      stepIndex: this.push(event, `${event.activityType}: scheduled`),
    });
  }

  activityStarted(event: CaseEventOf<'activityStarted'>): void {
    const activity = this.activities.get(event.scheduledId);
    if (activity) activity.attempts = event.attempt;
  }

  /** One line per activity, however many attempts it took. */
  activityClosed(event: CaseEventOf<'activityClosed'>): void {
    const activity = this.activities.get(event.scheduledId);
    if (!activity) return;
    const tries = activity.attempts > 1 ? ` after ${activity.attempts} attempts` : '';
    const why = event.message ? `: ${event.message}` : '';
    this.amend(
      activity.stepIndex,
      event,
      `${activity.type}: ${event.outcome.toLowerCase()}${tries}${why}`,
    );
  }

  updateAccepted(event: CaseEventOf<'updateAccepted'>): void {
    this.updates.set(
      event.updateId,
      this.push(event, `${event.name} by ${event.identity}: accepted`),
    );
  }

  updateCompleted(event: CaseEventOf<'updateCompleted'>): void {
    const index = this.updates.get(event.updateId);
    if (index === undefined) return;
    const text = this.steps[index]!.text.replace(
      /: accepted$/,
      event.ok ? ': done' : `: failed${event.message ? ` (${event.message})` : ''}`,
    );
    this.amend(index, event, text);
  }

  private amend(index: number, event: CaseEvent, text: string): void {
    const step = this.steps[index]!;
    this.steps[index] = { ...step, eventIds: [...step.eventIds, event.id], text };
  }
}

/** How each kind of event enters the narrative; workflow-task bookkeeping only moves `lastTask`. */
const TELL: { [K in CaseEvent['kind']]: (n: Narrative, event: CaseEventOf<K>) => void } = {
  started: (n, e) => n.push(e, `Case workflow started by ${e.identity || 'unknown'}`),
  taskCompleted: (n, e) => {
    n.lastTask = e.id;
  },
  taskFailed: (n, e) => n.push(e, `Workflow task failed (${e.cause}): ${e.message}`),
  statusSet: (n, e) => n.push(e, `Status → ${e.status}`),
  overdueSet: (n, e) =>
    n.push(e, e.overdue ? 'Review flagged overdue (SLA passed)' : 'Overdue flag cleared'),
  activityScheduled: (n, e) => n.activityScheduled(e),
  activityStarted: (n, e) => n.activityStarted(e),
  activityClosed: (n, e) => n.activityClosed(e),
  timerStarted: (n, e) => n.push(e, `Timer ${e.timerId} set for ${formatDuration(e.durationMs)}`),
  timerFired: (n, e) => n.push(e, `Timer ${e.timerId} fired`),
  updateAccepted: (n, e) => n.updateAccepted(e),
  updateCompleted: (n, e) => n.updateCompleted(e),
  signaled: (n, e) => n.push(e, `Signal ${e.name} from ${e.identity || 'unknown'}`),
  cancelRequested: (n, e) =>
    n.push(e, `Cancellation requested by ${e.identity}${e.reason ? `: ${e.reason}` : ''}`),
  closed: (n, e) =>
    n.push(
      e,
      `${CLOSED_TEXT[e.how]}${e.identity ? ` by ${e.identity}` : ''}${e.reason ? `: ${e.reason}` : ''}`,
    ),
  other: () => undefined,
};

/**
 * Temporal's history told as an operator reads it: status changes, each activity as one line
 * (however many attempts it took), timers, people's updates and signals, failures. Workflow-task
 * bookkeeping is left out, except failed tasks, which are what a stuck case usually shows.
 */
export function summariseHistory(events: readonly CaseEvent[]): HistoryStep[] {
  const narrative = new Narrative();
  for (const event of events)
    (TELL[event.kind] as (n: Narrative, event: CaseEvent) => void)(narrative, event);
  return narrative.steps;
}

function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}
