import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
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
  async metrics(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metricsService.scrape();
    res.setHeader('content-type', contentType);
    res.send(body);
  }
}
