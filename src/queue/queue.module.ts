import { BullModule } from '@nestjs/bullmq';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { JobQueues } from './job-queues';
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
        defaultJobOptions: defaultJobOptions(config.jobs.backoffMs),
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedisClient(config.redisUrl),
    },
    JobQueues,
  ],
  exports: [BullModule, REDIS_CLIENT, JobQueues],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
