import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { HttpObservability } from './http-observability';
import { JobInstrumentation } from './job-instrumentation';
import { SimpulMetrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { ObservedRole, Tracing } from './tracing';

/**
 * Metrics (prom-client) and traces (OpenTelemetry, when configured) for one role. The API adds request and
 * GraphQL measurements and serves /metrics; the worker's listener is started by its entry point (run.ts).
 */
@Global()
@Module({})
export class ObservabilityModule implements OnApplicationShutdown {
  constructor(private readonly tracing: Tracing) {}

  static forRoot(role: ObservedRole): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: role === 'api' ? [MetricsController] : [],
      providers: [
        { provide: SimpulMetrics, inject: [APP_CONFIG], useFactory: (config: AppConfig) => SimpulMetrics.for(config) },
        { provide: Tracing, inject: [APP_CONFIG], useFactory: (config: AppConfig) => Tracing.create(config, role) },
        JobInstrumentation,
        ...(role === 'api' ? [HttpObservability] : []),
      ],
      exports: [SimpulMetrics, Tracing, JobInstrumentation],
    };
  }

  /** Sends the spans still buffered before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    await this.tracing.shutdown();
  }
}
