import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/auth.decorators';

@Controller()
export class HealthController {
  /** Liveness: the process answers. Readiness (database, Temporal) comes with the console. */
  @Public()
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
