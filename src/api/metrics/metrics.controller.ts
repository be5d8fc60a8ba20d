import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { apiMetrics } from '../../observability/metrics';
import { Public } from '../auth/auth.decorators';
import { MetricsService } from './metrics.service';

@Controller()
export class MetricsController {
  constructor(private readonly metricsService: MetricsService) {}

  /**
   * Prometheus text format. No token: it is scraped from inside the network and names no case or
   * person.
   */
  @Public()
  @Get('metrics')
  @ApiProduces(apiMetrics.contentType)
  @ApiOkResponse({
    description: 'Prometheus text exposition format',
    content: { [apiMetrics.contentType]: { schema: { type: 'string' } } },
  })
  async metrics(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metricsService.scrape();
    res.setHeader('content-type', contentType);
    res.send(body);
  }
}
