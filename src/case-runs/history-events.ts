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

/** Reads Temporal's history into the case events the operations rules work on. */
export function caseEventsOf(events: readonly HistoryEvent[]): CaseEvent[] {
  return events.flatMap((event) => {
    const converted = caseEventOf(event);
    return converted ? [converted] : [];
  });
}

function caseEventOf(e: HistoryEvent): CaseEvent | null {
  const base = { id: Number(e.eventId), at: new Date(tsToMs(e.eventTime)).toISOString() };
  const type = e.eventType ?? EventType.EVENT_TYPE_UNSPECIFIED;
  switch (type) {
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
      return {
        ...base,
        kind: 'started',
        identity: e.workflowExecutionStartedEventAttributes?.identity ?? '',
      };
    case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
      return { ...base, kind: 'taskCompleted' };
    case EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED: {
      const a = e.workflowTaskFailedEventAttributes;
      return {
        ...base,
        kind: 'taskFailed',
        cause: enumName(
          temporal.api.enums.v1.WorkflowTaskFailedCause,
          a?.cause,
          'WORKFLOW_TASK_FAILED_CAUSE_',
        ),
        message: a?.failure?.message ?? '',
      };
    }
    case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: {
      const fields =
        e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
      const status = fields?.[EnrolmentStatusKey.name];
      if (status) return { ...base, kind: 'statusSet', status: String(decode(status)) };
      const overdue = fields?.[ReviewOverdueKey.name];
      if (overdue) return { ...base, kind: 'overdueSet', overdue: decode(overdue) === true };
      return { ...base, kind: 'other', type: 'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES' };
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
      const a = e.activityTaskScheduledEventAttributes;
      return {
        ...base,
        kind: 'activityScheduled',
        activityId: a?.activityId ?? '',
        activityType: a?.activityType?.name ?? '',
      };
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
      const a = e.activityTaskStartedEventAttributes;
      return {
        ...base,
        kind: 'activityStarted',
        scheduledId: Number(a?.scheduledEventId),
        attempt: a?.attempt ?? 1,
      };
    }
    case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
    case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED:
    case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT:
    case EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED: {
      const a =
        e.activityTaskCompletedEventAttributes ??
        e.activityTaskFailedEventAttributes ??
        e.activityTaskTimedOutEventAttributes ??
        e.activityTaskCanceledEventAttributes;
      const failure =
        e.activityTaskFailedEventAttributes?.failure ??
        e.activityTaskTimedOutEventAttributes?.failure;
      return {
        ...base,
        kind: 'activityClosed',
        scheduledId: Number(a?.scheduledEventId),
        outcome: ACTIVITY_CLOSED[type],
        message: failure ? (failure.cause?.message ?? failure.message ?? null) : null,
      };
    }
    case EventType.EVENT_TYPE_TIMER_STARTED: {
      const a = e.timerStartedEventAttributes;
      return {
        ...base,
        kind: 'timerStarted',
        timerId: a?.timerId ?? '',
        durationMs: tsToMs(a?.startToFireTimeout),
      };
    }
    case EventType.EVENT_TYPE_TIMER_FIRED:
      return { ...base, kind: 'timerFired', timerId: e.timerFiredEventAttributes?.timerId ?? '' };
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
      const request = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
      return {
        ...base,
        kind: 'updateAccepted',
        updateId: request?.meta?.updateId ?? '',
        name: request?.input?.name ?? '',
        args: decodeAll(request?.input?.args?.payloads),
        identity: request?.meta?.identity ?? '',
      };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
      const a = e.workflowExecutionUpdateCompletedEventAttributes;
      return {
        ...base,
        kind: 'updateCompleted',
        updateId: a?.meta?.updateId ?? '',
        ok: !a?.outcome?.failure,
        message: a?.outcome?.failure?.message ?? null,
      };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED: {
      const a = e.workflowExecutionSignaledEventAttributes;
      return {
        ...base,
        kind: 'signaled',
        name: a?.signalName ?? '',
        args: decodeAll(a?.input?.payloads),
        identity: a?.identity ?? '',
      };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED: {
      const a = e.workflowExecutionCancelRequestedEventAttributes;
      return {
        ...base,
        kind: 'cancelRequested',
        identity: a?.identity ?? '',
        reason: a?.cause ?? '',
      };
    }
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
    case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW: {
      const terminated = e.workflowExecutionTerminatedEventAttributes;
      return {
        ...base,
        kind: 'closed',
        how: CLOSED[type],
        reason:
          terminated?.reason ?? e.workflowExecutionFailedEventAttributes?.failure?.message ?? null,
        identity: terminated?.identity ?? null,
      };
    }
    default:
      return {
        ...base,
        kind: 'other',
        type: enumName(EventType, type, 'EVENT_TYPE_'),
      };
  }
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
