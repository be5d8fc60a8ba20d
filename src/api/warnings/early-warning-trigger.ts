import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Config } from '../../config/config';
import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from '@temporalio/client';
import {
  WARNING_PUBLICATION_WORKFLOW_TYPE,
  type EarlyWarningCause,
  type WarningPublicationNotice,
  type WarningPublicationWorkflow,
} from '../../contract';
import { startEarlyWarning } from '../../worker/early-warning-schedule';
import { API_CONFIG, TEMPORAL_CLIENT } from '../injection-tokens';

/**
 * Recomputes a county's warnings now (学位预警), beside the nightly schedule: after its places,
 * catchments or policy are saved, after new thresholds, or at an administrator's request; and
 * hands a publication to the platform.
 */
@Injectable()
export class EarlyWarningTrigger {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  /** Starts the recomputation and answers its run's id; it does not wait for the run. */
  recompute(countyCode: string, cause: EarlyWarningCause): Promise<string> {
    return startEarlyWarning(this.temporal, this.config.TEMPORAL_TASK_QUEUE, {
      countyCodes: [countyCode],
      cause,
    });
  }

  /** Starts the publication's relay to the platform once: a second start finds the first. */
  async relayPublication(notice: WarningPublicationNotice): Promise<void> {
    await this.temporal.workflow.start<WarningPublicationWorkflow>(
      WARNING_PUBLICATION_WORKFLOW_TYPE,
      {
        workflowId: notice.deliveryId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [notice],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      },
    );
  }
}
