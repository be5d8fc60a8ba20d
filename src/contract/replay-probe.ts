import type { Sinks } from '@temporalio/workflow';

/**
 * The sink through which the replay probe (a workflow interceptor bundled only into the
 * operations console's replay check) reports a workflow task the current code fails.
 */
export interface ReplayProbeSinks extends Sinks {
  replayProbe: {
    /** `name: message` of an error that fails the workflow task (not the workflow). */
    workflowTaskFailed(error: string): void;
  };
}
