import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { Db } from '../../db/prisma-client';
import { Public } from '../auth/auth.decorators';
import { problem, sendProblem } from '../problem/problem';
import { DB, TEMPORAL_CLIENT } from '../tokens';
import { LivenessDto, ReadinessDto } from './dto';

const CHECK_DEADLINE_MS = 2000;

@Controller()
export class HealthController {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  /** Liveness: the process answers. */
  @Public()
  @Get('health')
  @ZodResponse({ status: 200, type: LivenessDto })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database and Temporal both answer, so requests can be served. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ description: 'A dependency is not answering (problem+json)' })
  async ready(@Res() res: Response): Promise<void> {
    const within = <T>(work: Promise<T>) =>
      Promise.race([
        work.then(() => 'up' as const),
        new Promise<'down'>((resolve) =>
          setTimeout(() => resolve('down'), CHECK_DEADLINE_MS).unref(),
        ),
      ]).catch(() => 'down' as const);
    const [database, temporal] = await Promise.all([
      within(this.db.$queryRaw`SELECT 1`),
      within(
        this.temporal.withDeadline(Date.now() + CHECK_DEADLINE_MS, () =>
          this.temporal.workflowService.getSystemInfo({}),
        ),
      ),
    ]);
    const checks = { database, temporal };
    if (database === 'up' && temporal === 'up') {
      res.status(200).json({ status: 'ready', checks });
      return;
    }
    sendProblem(
      res,
      problem(
        503,
        'NOT_READY',
        'A dependency is not answering; see checks.',
        '依赖服务未响应,详见 checks。',
        { checks },
      ),
    );
  }
}
