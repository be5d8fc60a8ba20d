import type { DataConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import {
  bundleWorkflowCode,
  type InjectedSinks,
  Worker,
  type WorkflowBundle,
} from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { maskByShape } from '../domain/masking';
import { FAILURE_CONVERTER_PATH } from '../temporal/data-converter';
import { caseWorkflowsBundle } from '../worker/shared-workflow-modules';
import type { ReplayProbeSinks } from '../contract';

export type ReplayVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly determinism: boolean; readonly error: string };

/**
 * Replays a case's history against the workflow code this process runs (DESIGN.md §7): a
 * determinism error means a deployed change would break the case when its worker picks it up; a
 * workflow task the code fails while replaying (reported by the replay probe, which the SDK's
 * replayer does not do) means the case is stuck under this code. The error text goes to operators:
 * ID numbers in it are masked.
 */
export class ReplayCheck {
  private bundle: Promise<WorkflowBundle> | undefined;

  /** The converter decodes the history's payloads as the worker would (encrypted or not). */
  constructor(private readonly dataConverter: DataConverter) {}

  async replay(
    history: temporal.api.history.v1.IHistory,
    workflowId: string,
  ): Promise<ReplayVerdict> {
    const taskFailures: string[] = [];
    const sinks: InjectedSinks<ReplayProbeSinks> = {
      replayProbe: {
        workflowTaskFailed: {
          fn: (_info, error) => void taskFailures.push(error),
          callDuringReplay: true,
        },
      },
    };
    try {
      await Worker.runReplayHistory(
        { workflowBundle: await this.workflowBundle(), dataConverter: this.dataConverter, sinks },
        history,
        workflowId,
      );
    } catch (error) {
      return {
        ok: false,
        determinism: error instanceof DeterminismViolationError,
        error: maskByShape(
          error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        ),
      };
    }
    const [failure] = taskFailures;
    return failure === undefined
      ? { ok: true }
      : { ok: false, determinism: false, error: maskByShape(failure) };
  }

  /** The workflows with the replay probe, bundled once on first use (never a live worker's). */
  private workflowBundle(): Promise<WorkflowBundle> {
    this.bundle ??= bundleWorkflowCode({
      ...caseWorkflowsBundle(),
      workflowInterceptorModules: [require.resolve('../workflows/replay-probe')],
      failureConverterPath: FAILURE_CONVERTER_PATH,
      logger: quiet,
    });
    return this.bundle;
  }
}

const quiet = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
