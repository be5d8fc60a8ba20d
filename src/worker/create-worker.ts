import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { FailingActivityRepository } from '../db/failing-activity-repository';
import { applicationLogAttributes } from './application-log-attributes';
import { failingActivityProjection } from './failing-activity-projection';
import { caseWorkflowsBundle } from './shared-workflow-modules';
import type { WorkerTuning } from './tuning';

export interface EnrolmentWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly dependencies: ActivityDependencies;
  /** The operations console's projection of failing activities, kept as attempts fail and recover. */
  readonly failingActivities: FailingActivityRepository;
  /** From `temporalDataConverter`: a prebuilt bundle must carry its failure converter too. */
  readonly dataConverter: DataConverter;
  /**
   * A prebuilt bundle (tests build one per file, from `caseWorkflowsBundle`); otherwise the
   * workflows are bundled at start.
   */
  readonly workflowBundle?: WorkerOptions['workflowBundle'];
  readonly identity?: string;
  /** Slots, cache and pollers (worker/tuning.ts); unset fields keep the SDK's defaults. */
  readonly tuning?: WorkerTuning;
}

export function createEnrolmentWorker(options: EnrolmentWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.dependencies),
    dataConverter: options.dataConverter,
    interceptors: {
      activity: [applicationLogAttributes, failingActivityProjection(options.failingActivities)],
    },
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : bundledAtStart()),
    ...(options.identity ? { identity: options.identity } : {}),
    // On SIGTERM: short activities get a few seconds to finish, the rest are cancelled (a
    // cancelled attempt is retried by whichever worker runs next); one that ignores its
    // cancellation cannot keep the process alive past the force time.
    shutdownGraceTime: '5 seconds',
    shutdownForceTime: '60 seconds',
    ...options.tuning,
  });
}

/** The worker's own bundle, built as it starts. */
function bundledAtStart(): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> {
  const { workflowsPath, preloadModules } = caseWorkflowsBundle();
  return { workflowsPath, bundlerOptions: { preloadModules } };
}
