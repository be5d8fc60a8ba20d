import { arrayFromPayloads, defaultPayloadConverter } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import type { CaseEvent } from '../domain/case-history/events';
import { EnrolmentStatusKey, ReviewOverdueKey } from '../contract';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payload = temporal.api.common.v1.IPayload;
const EventType = temporal.api.enums.v1.EventType;

const CLOSED = {
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED]: 'COMPLETED',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED]: 'FAILED',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED]: 'CANCELED',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED]: 'TERMINATED',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT]: 'TIMED_OUT',
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW]: 'CONTINUED',
} as const;

const ACTIVITY_CLOSED = {
  [EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED]: 'COMPLETED',
  [EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED]: 'FAILED',
  [EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT]: 'TIMED_OUT',
  [EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED]: 'CANCELED',
} as const;

/** A case event without its id and time, which every event carries alike. */
type EventBody = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;
type EventType = temporal.api.enums.v1.EventType;
type Reader = (e: HistoryEvent, type: EventType) => EventBody;

const started: Reader = (e) => ({
  kind: 'started',
  identity: e.workflowExecutionStartedEventAttributes?.identity ?? '',
});

const taskFailed: Reader = (e) => {
  const a = e.workflowTaskFailedEventAttributes;
  return {
    kind: 'taskFailed',
    cause: enumName(
      temporal.api.enums.v1.WorkflowTaskFailedCause,
      a?.cause,
      'WORKFLOW_TASK_FAILED_CAUSE_',
    ),
    message: a?.failure?.message ?? '',
  };
};

/** The workflow sets its status and overdue flag as search attributes; other upserts stay opaque. */
const searchAttributesSet: Reader = (e) => {
  const fields = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
  const status = fields?.[EnrolmentStatusKey.name];
  if (status) return { kind: 'statusSet', status: String(decode(status)) };
  const overdue = fields?.[ReviewOverdueKey.name];
  if (overdue) return { kind: 'overdueSet', overdue: decode(overdue) === true };
  return { kind: 'other', type: 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES' };
};

const activityScheduled: Reader = (e) => {
  const a = e.activityTaskScheduledEventAttributes;
  return {
    kind: 'activityScheduled',
    activityId: a?.activityId ?? '',
    activityType: a?.activityType?.name ?? '',
  };
};

const activityStarted: Reader = (e) => {
  const a = e.activityTaskStartedEventAttributes;
  return {
    kind: 'activityStarted',
    scheduledId: Number(a?.scheduledEventId),
    attempt: a?.attempt ?? 1,
  };
};

/** An activity's end; the message is the failure's cause when it has one (the department's words). */
const activityClosed: Reader = (e, type) => {
  const a =
    e.activityTaskCompletedEventAttributes ??
    e.activityTaskFailedEventAttributes ??
    e.activityTaskTimedOutEventAttributes ??
    e.activityTaskCanceledEventAttributes;
  const failure =
    e.activityTaskFailedEventAttributes?.failure ?? e.activityTaskTimedOutEventAttributes?.failure;
  return {
    kind: 'activityClosed',
    scheduledId: Number(a?.scheduledEventId),
    outcome: ACTIVITY_CLOSED[type as keyof typeof ACTIVITY_CLOSED],
    message: failure ? (failure.cause?.message ?? failure.message ?? null) : null,
  };
};

const timerStarted: Reader = (e) => {
  const a = e.timerStartedEventAttributes;
  return {
    kind: 'timerStarted',
    timerId: a?.timerId ?? '',
    durationMs: tsToMs(a?.startToFireTimeout),
  };
};

const updateAccepted: Reader = (e) => {
  const request = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
  return {
    kind: 'updateAccepted',
    updateId: request?.meta?.updateId ?? '',
    name: request?.input?.name ?? '',
    args: decodeAll(request?.input?.args?.payloads),
    identity: request?.meta?.identity ?? '',
  };
};

const updateCompleted: Reader = (e) => {
  const a = e.workflowExecutionUpdateCompletedEventAttributes;
  return {
    kind: 'updateCompleted',
    updateId: a?.meta?.updateId ?? '',
    ok: !a?.outcome?.failure,
    message: a?.outcome?.failure?.message ?? null,
  };
};

const signaled: Reader = (e) => {
  const a = e.workflowExecutionSignaledEventAttributes;
  return {
    kind: 'signaled',
    name: a?.signalName ?? '',
    args: decodeAll(a?.input?.payloads),
    identity: a?.identity ?? '',
  };
};

const cancelRequested: Reader = (e) => {
  const a = e.workflowExecutionCancelRequestedEventAttributes;
  return { kind: 'cancelRequested', identity: a?.identity ?? '', reason: a?.cause ?? '' };
};

/** The run's end; a termination says who and why, a failure its message. */
const closed: Reader = (e, type) => {
  const terminated = e.workflowExecutionTerminatedEventAttributes;
  return {
    kind: 'closed',
    how: CLOSED[type as keyof typeof CLOSED],
    reason:
      terminated?.reason ?? e.workflowExecutionFailedEventAttributes?.failure?.message ?? null,
    identity: terminated?.identity ?? null,
  };
};

/** How each history event the operations rules care about reads; any other is `other`. */
const READERS = new Map<EventType, Reader>([
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, started],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, () => ({ kind: 'taskCompleted' })],
  [EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED, taskFailed],
  [EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES, searchAttributesSet],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, activityScheduled],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, activityStarted],
  ...keysOf(ACTIVITY_CLOSED).map((type): [EventType, Reader] => [type, activityClosed]),
  [EventType.EVENT_TYPE_TIMER_STARTED, timerStarted],
  [
    EventType.EVENT_TYPE_TIMER_FIRED,
    (e) => ({ kind: 'timerFired', timerId: e.timerFiredEventAttributes?.timerId ?? '' }),
  ],
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, updateAccepted],
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, updateCompleted],
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED, signaled],
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED, cancelRequested],
  ...keysOf(CLOSED).map((type): [EventType, Reader] => [type, closed]),
]);

/** The event types of a table keyed by event type (object keys are strings at run time). */
function keysOf(table: Partial<Record<EventType, string>>): EventType[] {
  return Object.keys(table).map((key) => Number(key) as EventType);
}

/** Reads Temporal's history into the case events the operations rules work on. */
export function caseEventsOf(events: readonly HistoryEvent[]): CaseEvent[] {
  return events.map(caseEventOf);
}

function caseEventOf(e: HistoryEvent): CaseEvent {
  const base = { id: Number(e.eventId), at: new Date(tsToMs(e.eventTime)).toISOString() };
  const type = e.eventType ?? EventType.EVENT_TYPE_UNSPECIFIED;
  const read: Reader =
    READERS.get(type) ??
    (() => ({ kind: 'other', type: enumName(EventType, type, 'EVENT_TYPE_') }));
  return { ...base, ...read(e, type) };
}

function decode(payload: Payload): unknown {
  try {
    return defaultPayloadConverter.fromPayload(payload);
  } catch {
    return '(undecodable)';
  }
}

function decodeAll(payloads: Payload[] | null | undefined): unknown[] {
  try {
    return arrayFromPayloads(defaultPayloadConverter, payloads);
  } catch {
    return ['(undecodable)'];
  }
}

function enumName(
  values: Record<number, string>,
  value: number | null | undefined,
  prefix: string,
) {
  return (values[value ?? 0] ?? String(value)).replace(prefix, '');
}
