import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { AcceptedDeliveries } from './accepted-deliveries';
import { DeliveryGiveWay } from './delivery-give-way';
import { JobQueues } from './job-queues';
import { RungBacklog } from './rung-backlog';
import { defaultJobOptions, REDIS_CLIENT } from './queue.constants';
import { ALL_QUEUES } from './queue.names';
import { createRedisClient, redisOptions } from './redis-connection';

/**
 * The BullMQ connection (key prefix and default job options from config), every queue (producers only:
 * processors live in the worker role), and a shared Redis client.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.redisUrl),
        prefix: config.redisPrefix,
        defaultJobOptions: defaultJobOptions(config.jobs),
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const client = createRedisClient(config.redisUrl);
        // Without a listener an 'error' event would end the process: Redis being away is expected (the outbox
        // holds the work), not fatal. Health checks report it.
        client.on('error', () => undefined);
        return client;
      },
    },
    JobQueues,
    AcceptedDeliveries,
    RungBacklog,
    DeliveryGiveWay,
  ],
  exports: [BullModule, REDIS_CLIENT, JobQueues, AcceptedDeliveries, RungBacklog, DeliveryGiveWay],
})
export class QueueModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Queues');
  private lastWarning = 0;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly queues: JobQueues,
  ) {}

  /**
   * A queue whose Redis is unreachable emits 'error' events; unheard, they would crash the API. The API only
   * reads queues (Bull Board, health) and the worker's relay retries, so a warning a minute is enough.
   */
  onModuleInit(): void {
    for (const name of ALL_QUEUES) {
      this.queues.queue(name).on('error', (error: Error) => {
        if (Date.now() - this.lastWarning < 60_000) return;
        this.lastWarning = Date.now();
        this.logger.warn({ msg: 'Redis unreachable for the queues', queue: name, error: error.message });
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
