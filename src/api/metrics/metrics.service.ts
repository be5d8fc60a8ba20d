import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReviewQueueRepository } from '../../db/review-queue-repository';
import { apiMetrics } from '../../observability/metrics';
import { clearReadModelGauges, setReadModelGauges } from '../../observability/read-model-metrics';
import { withSdkMetrics } from '../../observability/sdk-metrics';
import { REVIEW_QUEUE } from '../injection-tokens';

/**
 * The API's Prometheus metrics, with the read model's figures counted at each scrape, and the
 * Temporal SDK's when a worker shares the process (`npm start`).
 */
@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);

  constructor(@Inject(REVIEW_QUEUE) private readonly queue: ReviewQueueRepository) {}

  /**
   * When the database does not answer, the read-model figures are left out and the process's own
   * metrics are still served.
   */
  async scrape(): Promise<{ contentType: string; body: string }> {
    try {
      setReadModelGauges(await this.queue.statusCounts());
    } catch (error) {
      clearReadModelGauges();
      this.logger.warn(
        `read-model metrics unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return {
      contentType: apiMetrics.contentType,
      body: await withSdkMetrics(await apiMetrics.metrics()),
    };
  }
}
