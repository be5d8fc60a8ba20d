import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReviewQueueRepository } from '../../db/review-queue-repository';
import { apiMetrics } from '../../observability/metrics';
import { clearReadModelGauges, setReadModelGauges } from '../../observability/read-model-metrics';
import { Public } from '../auth/auth.decorators';
import { REVIEW_QUEUE } from '../tokens';

@Controller()
export class MetricsController {
  private readonly logger = new Logger(MetricsController.name);

  constructor(@Inject(REVIEW_QUEUE) private readonly queue: ReviewQueueRepository) {}

  /**
   * Prometheus text format. No token: it is scraped from inside the network and names no case or
   * person. The read-model figures are counted now; when the database does not answer they are
   * left out and the process's own metrics are still served.
   */
  @Public()
  @Get('metrics')
  @ApiProduces(apiMetrics.contentType)
  @ApiOkResponse({
    description: 'Prometheus text exposition format',
    content: { [apiMetrics.contentType]: { schema: { type: 'string' } } },
  })
  async metrics(@Res() res: Response): Promise<void> {
    try {
      setReadModelGauges(await this.queue.statusCounts());
    } catch (error) {
      clearReadModelGauges();
      this.logger.warn(
        `read-model metrics unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    res.setHeader('content-type', apiMetrics.contentType);
    res.send(await apiMetrics.metrics());
  }
}
