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

/**
 * Temporal's history told as an operator reads it: status changes, each activity as one line
 * (however many attempts it took), timers, people's updates and signals, failures. Workflow-task
 * bookkeeping is left out, except failed tasks, which are what a stuck case usually shows.
 */
export function summariseHistory(events: readonly CaseEvent[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  const activities = new Map<number, { type: string; attempts: number; stepIndex: number }>();
  const updates = new Map<string, number>();
  let lastTask: number | null = null;
  const push = (event: CaseEvent, text: string) => {
    steps.push({ at: event.at, eventIds: [event.id], text, resetPoint: lastTask });
    return steps.length - 1;
  };
  const amend = (index: number, event: CaseEvent, text: string) => {
    const step = steps[index]!;
    steps[index] = { ...step, eventIds: [...step.eventIds, event.id], text };
  };

  for (const event of events) {
    switch (event.kind) {
      case 'started':
        push(event, `Case workflow started by ${event.identity || 'unknown'}`);
        break;
      case 'taskCompleted':
        lastTask = event.id;
        break;
      case 'taskFailed':
        push(event, `Workflow task failed (${event.cause}): ${event.message}`);
        break;
      case 'statusSet':
        push(event, `Status → ${event.status}`);
        break;
      case 'overdueSet':
        push(event, event.overdue ? 'Review flagged overdue (SLA passed)' : 'Overdue flag cleared');
        break;
      case 'activityScheduled':
        activities.set(event.id, {
          type: event.activityType,
          attempts: 0,
          stepIndex: push(event, `${event.activityType}: scheduled`),
        });
        break;
      case 'activityStarted': {
        const activity = activities.get(event.scheduledId);
        if (activity) activity.attempts = event.attempt;
        break;
      }
      case 'activityClosed': {
        const activity = activities.get(event.scheduledId);
        if (!activity) break;
        const tries = activity.attempts > 1 ? ` after ${activity.attempts} attempts` : '';
        const why = event.message ? `: ${event.message}` : '';
        amend(
          activity.stepIndex,
          event,
          `${activity.type}: ${event.outcome.toLowerCase()}${tries}${why}`,
        );
        break;
      }
      case 'timerStarted':
        push(event, `Timer ${event.timerId} set for ${formatDuration(event.durationMs)}`);
        break;
      case 'timerFired':
        push(event, `Timer ${event.timerId} fired`);
        break;
      case 'updateAccepted':
        updates.set(event.updateId, push(event, `${event.name} by ${event.identity}: accepted`));
        break;
      case 'updateCompleted': {
        const index = updates.get(event.updateId);
        if (index === undefined) break;
        const text = steps[index]!.text.replace(
          /: accepted$/,
          event.ok ? ': done' : `: failed${event.message ? ` (${event.message})` : ''}`,
        );
        amend(index, event, text);
        break;
      }
      case 'signaled':
        push(event, `Signal ${event.name} from ${event.identity || 'unknown'}`);
        break;
      case 'cancelRequested':
        push(
          event,
          `Cancellation requested by ${event.identity}${event.reason ? `: ${event.reason}` : ''}`,
        );
        break;
      case 'closed':
        push(
          event,
          `${CLOSED_TEXT[event.how]}${event.identity ? ` by ${event.identity}` : ''}${event.reason ? `: ${event.reason}` : ''}`,
        );
        break;
      case 'other':
        break;
    }
  }
  return steps;
}

function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}
