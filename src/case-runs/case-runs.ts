import { randomUUID } from 'node:crypto';
import {
  Client,
  isGrpcServiceError,
  WorkflowNotFoundError,
  type WorkflowHandle,
} from '@temporalio/client';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import Long from 'long';
import { RepairRefusedError } from '../domain/errors';
import { cancellationNoteSignal, type CancellationNote } from '../contract';
import { decodeHistory, decodeWithin } from '../temporal/data-converter';

const ExecutionStatus = temporal.api.enums.v1.WorkflowExecutionStatus;
const ResetReapplyExcludeType = temporal.api.enums.v1.ResetReapplyExcludeType;

export interface RunRef {
  readonly workflowId: string;
  readonly runId: string;
}

export interface PendingActivity {
  readonly activityId: string;
  readonly activityType: string;
  readonly state: string;
  readonly attempt: number;
  readonly maximumAttempts: number;
  readonly lastFailure: string | null;
  readonly lastAttemptAt: string | null;
  readonly nextAttemptAt: string | null;
}

export interface LiveRun {
  readonly runStatus: string;
  readonly pendingActivities: readonly PendingActivity[];
  /** Attempts of the workflow task now pending: above 1 it keeps failing (e.g. non-determinism). */
  readonly workflowTaskAttempt: number;
}

export interface VisibleRun extends RunRef {
  readonly runStatus: string;
  readonly startedAt: string | null;
}

/**
 * What operators do to a case in Temporal (DESIGN.md §7): read visibility and the live state of a
 * run, fetch its history, and act on it. Every call that changes something names the operator as
 * Temporal's identity, so the Web UI and the history say who did it.
 */
export class CaseRuns {
  constructor(private readonly client: Client) {}

  private get service() {
    return this.client.workflowService;
  }

  private get namespace() {
    return this.client.options.namespace;
  }

  async list(
    query: string,
    pageSize: number,
    pageToken?: Uint8Array,
  ): Promise<{ runs: VisibleRun[]; nextPageToken: Uint8Array | null }> {
    const response = await this.service.listWorkflowExecutions({
      namespace: this.namespace,
      query,
      pageSize,
      ...(pageToken && { nextPageToken: pageToken }),
    });
    return {
      runs: response.executions.map((e) => ({
        workflowId: e.execution?.workflowId ?? '',
        runId: e.execution?.runId ?? '',
        runStatus: statusName(e.status),
        startedAt: e.startTime ? new Date(tsToMs(e.startTime)).toISOString() : null,
      })),
      nextPageToken: response.nextPageToken?.length ? response.nextPageToken : null,
    };
  }

  async count(query: string): Promise<number> {
    const response = await this.service.countWorkflowExecutions({
      namespace: this.namespace,
      query,
    });
    return Number(response.count);
  }

  async describe(run: RunRef): Promise<LiveRun> {
    const response = await refused('DESCRIBE', () =>
      this.service.describeWorkflowExecution({ namespace: this.namespace, execution: run }),
    );
    // Pending activities' last failures are encrypted like the history's.
    await decodeWithin(response, this.client.options.loadedDataConverter.payloadCodecs);
    const time = (ts: Parameters<typeof tsToMs>[0]) =>
      ts ? new Date(tsToMs(ts)).toISOString() : null;
    return {
      runStatus: statusName(response.workflowExecutionInfo?.status),
      workflowTaskAttempt: response.pendingWorkflowTask?.attempt ?? 0,
      pendingActivities: response.pendingActivities.map((a) => ({
        activityId: a.activityId ?? '',
        activityType: a.activityType?.name ?? '',
        state: (temporal.api.enums.v1.PendingActivityState[a.state ?? 0] ?? '').replace(
          'PENDING_ACTIVITY_STATE_',
          '',
        ),
        attempt: a.attempt ?? 0,
        maximumAttempts: a.maximumAttempts ?? 0,
        lastFailure: a.lastFailure
          ? (a.lastFailure.cause?.message ?? a.lastFailure.message ?? null)
          : null,
        lastAttemptAt: time(a.lastAttemptCompleteTime),
        nextAttemptAt: time(a.nextAttemptScheduleTime),
      })),
    };
  }

  /** The run the workflow id now stands for: the newest, open or closed. */
  async currentRunId(workflowId: string): Promise<string> {
    return (await this.client.workflow.getHandle(workflowId).describe()).runId;
  }

  /** The run's history with its payloads decrypted and failure messages restored. */
  async history(run: RunRef) {
    return (await this.decodedHistory(run)).events ?? [];
  }

  async decodedHistory(run: RunRef) {
    const history = await refused('HISTORY', () =>
      this.client.workflow.getHandle(run.workflowId, run.runId).fetchHistory(),
    );
    return decodeHistory(history, this.client.options.loadedDataConverter.payloadCodecs);
  }

  /**
   * Resets the run to a workflow task; nothing recorded after it is re-applied by Temporal, because
   * the console re-applies people's decisions itself, through the update validators (DESIGN.md §7).
   */
  async reset(run: RunRef, eventId: number, reason: string, identity: string): Promise<string> {
    const response = await refused('RESET', () =>
      this.service.resetWorkflowExecution({
        namespace: this.namespace,
        workflowExecution: run,
        workflowTaskFinishEventId: Long.fromNumber(eventId),
        // The server signs the reset event with its own identity; the reason carries the operator.
        reason: `${identity}: ${reason}`,
        identity,
        requestId: randomUUID(),
        resetReapplyExcludeTypes: [
          ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_SIGNAL,
          ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE,
        ],
      }),
    );
    return response.runId;
  }

  /** Runs a failing activity again now, from attempt 1, instead of at its next backoff. */
  async retryActivity(run: RunRef, activityId: string, identity: string): Promise<void> {
    await refused('RETRY', () =>
      this.service.resetActivity({
        namespace: this.namespace,
        execution: run,
        id: activityId,
        identity,
      }),
    );
  }

  async cancel(run: RunRef, note: CancellationNote, identity: string): Promise<void> {
    await refused('CANCEL', () => this.handle(run, identity).signal(cancellationNoteSignal, note));
    await refused('CANCEL', () =>
      this.service.requestCancelWorkflowExecution({
        namespace: this.namespace,
        workflowExecution: run,
        identity,
        reason: note.reason,
        requestId: randomUUID(),
      }),
    );
  }

  async terminate(run: RunRef, reason: string, identity: string): Promise<void> {
    await refused('TERMINATE', () =>
      this.service.terminateWorkflowExecution({
        namespace: this.namespace,
        workflowExecution: run,
        reason,
        identity,
      }),
    );
  }

  /** A handle whose updates and signals carry the operator as Temporal's identity. */
  handle(run: RunRef, identity: string): WorkflowHandle {
    return this.as(identity).workflow.getHandle(run.workflowId, run.runId);
  }

  private as(identity: string): Client {
    return new Client({
      connection: this.client.connection,
      namespace: this.namespace,
      dataConverter: this.client.options.dataConverter,
      identity,
    });
  }
}

const REFUSALS: readonly number[] = [
  GrpcStatus.INVALID_ARGUMENT,
  GrpcStatus.FAILED_PRECONDITION,
  GrpcStatus.ALREADY_EXISTS,
  GrpcStatus.NOT_FOUND,
];

/** Temporal's "no" is the operator's to read (409), not a server fault (500). */
async function refused<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isGrpcServiceError(error) && REFUSALS.includes(error.code))
      throw new RepairRefusedError(action, error.details || error.message, { cause: error });
    if (error instanceof WorkflowNotFoundError)
      throw new RepairRefusedError(action, 'Temporal no longer keeps this run (past retention)', {
        cause: error,
      });
    throw error;
  }
}

function statusName(status: number | null | undefined): string {
  return (ExecutionStatus[status ?? 0] ?? 'UNSPECIFIED').replace('WORKFLOW_EXECUTION_STATUS_', '');
}
