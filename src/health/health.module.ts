import { Module } from '@nestjs/common';

import { HealthProbesModule } from './health-probes.module';
import { HealthController } from './health.controller';

/** The API's /health/live and /health/ready. */
@Module({ imports: [HealthProbesModule], controllers: [HealthController] })
export class HealthModule {}
