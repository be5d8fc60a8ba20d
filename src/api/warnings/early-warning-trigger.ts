import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Config } from '../../config/config';
import type { EarlyWarningCause } from '../../contract';
import { startEarlyWarning } from '../../worker/early-warning-schedule';
import { API_CONFIG, TEMPORAL_CLIENT } from '../injection-tokens';

/**
 * Recomputes a county's warnings now (学位预警), beside the nightly schedule: after its places,
 * catchments or policy are saved, after new thresholds, or at an administrator's request.
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
}
