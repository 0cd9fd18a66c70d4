import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Public } from '@app/auth/access.decorators';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { SimpulMetrics } from './metrics';
import { metricsAccess } from './metrics-access';

/** Prometheus metrics of the API process (README, Operations): guarded by METRICS_TOKEN, not by a user login. */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: SimpulMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('metrics')
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const access = metricsAccess(this.config, request.headers.authorization);
    if (!access.allowed) {
      await reply.code(access.status).type('text/plain; charset=utf-8').send(access.message);
      return;
    }
    await reply.type(this.metrics.contentType).send(await this.metrics.render());
  }
}
