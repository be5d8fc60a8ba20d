import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { Db } from '../../db/prisma-client';
import { Public } from '../auth/auth.decorators';
import { problem, sendProblem } from '../problem/problem';
import { DB, TEMPORAL_CLIENT } from '../injection-tokens';
import { missingTemporalSetup } from '../../temporal/setup';
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

  /**
   * Readiness: the database and Temporal both answer, and Temporal's namespace has every search
   * attribute this service writes (else each submission would fail): a 503 names what is missing.
   */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({
    description:
      'A dependency is not answering, or Temporal lacks a search attribute (problem+json)',
  })
  async ready(@Res() res: Response): Promise<void> {
    const within = <T>(work: Promise<T>) =>
      Promise.race([
        work,
        new Promise<'down'>((resolve) =>
          setTimeout(() => resolve('down'), CHECK_DEADLINE_MS).unref(),
        ),
      ]).catch(() => 'down' as const);
    const namespace = this.temporal.options.namespace;
    const [database, temporal] = await Promise.all([
      within(this.db.$queryRaw`SELECT 1`.then(() => 'up' as const)),
      within(
        this.temporal.withDeadline(Date.now() + CHECK_DEADLINE_MS, () =>
          missingTemporalSetup(this.temporal, namespace),
        ),
      ),
    ]);
    const missing = temporal === 'down' ? [] : temporal;
    const checks = {
      database,
      temporal: temporal === 'down' ? 'down' : missing.length ? 'not set up' : 'up',
    };
    if (database === 'up' && checks.temporal === 'up') {
      res.status(200).json({ status: 'ready', checks });
      return;
    }
    const detail = missing.length ? ` Temporal: ${missing.join('; ')}.` : '';
    sendProblem(
      res,
      problem(
        503,
        'NOT_READY',
        `A dependency is not answering or not set up; see checks.${detail}`,
        `依赖服务未响应或未完成配置,详见 checks。${detail}`,
        missing.length ? { checks, missing } : { checks },
      ),
    );
  }
}
