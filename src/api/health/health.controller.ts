import { Controller, Get } from '@nestjs/common';

@Controller()
export class HealthController {
  /** Liveness: the process answers. Readiness (database, Temporal) comes with the console. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
