import type { DataConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { FAILURE_CONVERTER_PATH } from '../temporal/data-converter';

export type ReplayVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly determinism: boolean; readonly error: string };

/**
 * Replays a case's history against the workflow code this process runs (DESIGN.md §7): a
 * determinism error means a deployed change would break the case when its worker picks it up.
 */
export class ReplayCheck {
  private bundle: Promise<WorkflowBundle> | undefined;

  /**
   * The converter decodes the history's payloads as the worker would (encrypted or not); a
   * prebuilt bundle (tests build one per file) must carry the same failure converter, otherwise
   * the workflows are bundled once with it.
   */
  constructor(
    private readonly dataConverter: DataConverter,
    private readonly prebuilt?: WorkflowBundle,
  ) {}

  async replay(
    history: temporal.api.history.v1.IHistory,
    workflowId: string,
  ): Promise<ReplayVerdict> {
    try {
      await Worker.runReplayHistory(
        { workflowBundle: await this.workflowBundle(), dataConverter: this.dataConverter },
        history,
        workflowId,
      );
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        determinism: error instanceof DeterminismViolationError,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
  }

  private workflowBundle(): Promise<WorkflowBundle> {
    this.bundle ??= this.prebuilt
      ? Promise.resolve(this.prebuilt)
      : bundleWorkflowCode({
          workflowsPath: require.resolve('../workflows'),
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
