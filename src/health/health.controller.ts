import { Controller, Get, HttpCode, HttpException, HttpStatus } from '@nestjs/common';

import { Public } from '@app/auth/access.decorators';

import { HealthChecks } from './health-checks';

/** Liveness (the process runs) and readiness (it can reach PostgreSQL and Redis) for load balancers. */
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready() {
    const { database, redis } = await this.checks.check();
    const body = { status: database && redis ? 'ok' : 'unavailable', checks: { database, redis } };
    if (!database || !redis) throw new HttpException(body, HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }
}
