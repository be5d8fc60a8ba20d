// Bundled only into the operations console's replay check (src/case-runs/replay-check.ts), never
// into a live worker: it reports, through a sink, a workflow task that the current code fails.
import {
  ContinueAsNew,
  proxySinks,
  TemporalFailure,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import type { ReplayProbeSinks } from '../contract';

const { replayProbe } = proxySinks<ReplayProbeSinks>();

/**
 * The SDK's replayer reports only nondeterminism: a workflow task the code fails again while
 * replaying ends the replay quietly. A failure (TemporalFailure) or a continue-as-new closes the
 * workflow and is history like any other; every other error fails the task, so it is reported.
 */
function reportTaskFailure(error: unknown): never {
  if (!(error instanceof TemporalFailure) && !(error instanceof ContinueAsNew)) {
    replayProbe.workflowTaskFailed(
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
  throw error;
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      execute: (input, next) => next(input).catch(reportTaskFailure),
      handleSignal: (input, next) => next(input).catch(reportTaskFailure),
      handleUpdate: (input, next) => next(input).catch(reportTaskFailure),
    },
  ],
});
