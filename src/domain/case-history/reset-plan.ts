import { RuleViolationError } from '../errors';
import { violation } from '../forms/violations';
import type { CaseEvent, CaseEventOf } from './events';
import { summariseHistory } from './summary';

/** Where a reset goes back to: a timeline step, or the last time the case entered a status. */
export type ResetTarget = { readonly step: number } | { readonly status: string };

/** A person's update or a signal recorded after the reset point, to be sent again. */
export interface RecordedAction {
  readonly eventId: number;
  readonly at: string;
  readonly kind: 'update' | 'signal';
  readonly name: string;
  readonly args: readonly unknown[];
  readonly identity: string;
}

export interface ResetPlan {
  /** The timeline step the reset undoes first; the steps before it stay. */
  readonly fromStep: number;
  /** The workflow task Temporal resets to: it and everything after run again. */
  readonly resetEventId: number;
  readonly undoneStatuses: readonly string[];
  /** People's decisions after the reset point, re-applied in order where the case accepts them. */
  readonly reapply: readonly RecordedAction[];
  /** A decision replaced by the one the operator delivers. */
  readonly superseded: readonly RecordedAction[];
  /** Where the delivery goes among `reapply`: where the decision it replaces stood, else first. */
  readonly deliverAt: number;
  /** What the code did after the reset point; it is not carried over but done again by the code. */
  readonly redoneByCode: readonly string[];
}

export interface PlanOptions {
  /** The update the operator delivers in the same operation; it replaces the first of its kind. */
  readonly delivers?: string;
  /** Signals that carry a decision (e.g. a round's published result); other signals are dropped. */
  readonly decisionSignals: readonly string[];
}

/**
 * Plans "go back to step N" (DESIGN.md §7). Step N was taken in some workflow task; Temporal resets
 * to that task, so step N and everything after are undone and the code runs again from there.
 * Every update in this workflow is a person's act (a decision, a request, a supplement), so all
 * updates accepted from that task on are re-applied; activity results, timers and the statuses the
 * code set are dropped, because running the code again recomputes them.
 */
export function planReset(
  events: readonly CaseEvent[],
  target: ResetTarget,
  options: PlanOptions,
): ResetPlan {
  const statuses = events.filter((e): e is CaseEventOf<'statusSet'> => e.kind === 'statusSet');
  const stepIndex =
    'step' in target ? target.step - 1 : statuses.map((e) => e.status).lastIndexOf(target.status);
  const step = statuses[stepIndex];
  if (!step)
    throw new RuleViolationError([
      violation('step' in target ? 'fromStep' : 'fromStatus', 'RESET_STEP_UNKNOWN'),
    ]);
  const task = events.filter((e) => e.kind === 'taskCompleted' && e.id < step.id).at(-1);
  if (!task)
    throw new RuleViolationError([
      violation('step' in target ? 'fromStep' : 'fromStatus', 'RESET_STEP_UNKNOWN'),
    ]);

  const after = events.filter((e) => e.id > task.id);
  const failedUpdates = new Set(
    after
      .filter((e): e is CaseEventOf<'updateCompleted'> => e.kind === 'updateCompleted' && !e.ok)
      .map((e) => e.updateId),
  );
  const actions: RecordedAction[] = [];
  for (const e of after) {
    if (e.kind === 'updateAccepted' && !failedUpdates.has(e.updateId))
      actions.push({ eventId: e.id, at: e.at, kind: 'update', ...pick(e) });
    if (e.kind === 'signaled' && options.decisionSignals.includes(e.name))
      actions.push({ eventId: e.id, at: e.at, kind: 'signal', ...pick(e) });
  }
  const replaced = options.delivers
    ? actions.find((a) => a.kind === 'update' && a.name === options.delivers)
    : undefined;

  // Updates and signals not re-sent (refused at the time, or not a decision) are dropped too.
  const sentIds = new Set(
    after.filter((e) => e.kind === 'updateAccepted' || e.kind === 'signaled').map((e) => e.id),
  );
  const redoneByCode = summariseHistory(events)
    .filter((s) => s.eventIds[0]! > task.id && !sentIds.has(s.eventIds[0]!))
    .map((s) => s.text);

  return {
    fromStep: stepIndex + 1,
    resetEventId: task.id,
    undoneStatuses: statuses.slice(stepIndex).map((e) => e.status),
    reapply: actions.filter((a) => a !== replaced),
    superseded: replaced ? [replaced] : [],
    deliverAt: replaced ? actions.indexOf(replaced) : 0,
    redoneByCode,
  };
}

function pick(e: CaseEventOf<'updateAccepted'> | CaseEventOf<'signaled'>) {
  return { name: e.name, args: e.args, identity: e.identity };
}
