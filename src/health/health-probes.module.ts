import { Module } from '@nestjs/common';

import { BacklogMetrics } from './backlog-metrics';
import { HealthChecks } from './health-checks';

/**
 * What a process reports about itself and the system: the readiness probes (API controller, worker listener) and
 * the backlog gauges read at each /metrics scrape. Both roles import it.
 */
@Module({ providers: [HealthChecks, BacklogMetrics], exports: [HealthChecks] })
export class HealthProbesModule {}
