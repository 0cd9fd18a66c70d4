import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';

import { Job, Worker } from 'bullmq';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { JobInstrumentation } from '@app/observability/job-instrumentation';

import { DeliveryGiveWay } from './delivery-give-way';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobQueues } from './job-queues';
import { jobSchedulers } from './job-schedulers';
import { ALL_QUEUES, JOB_QUEUE, QueueName } from './queue.names';
import { redisOptions } from './redis-connection';
import { retryDelayMs } from './retry-schedule';

/** Queues whose work waits while a release of due rungs holds anywhere (DeliveryGiveWay). */
const GIVE_WAY_TO_RUNGS: ReadonlySet<QueueName> = new Set([QueueName.EMAIL]);

/**
 * The BullMQ workers of the worker role: one per queue, each running jobs through the handler registry.
 * Job payloads never reach the logs (they hold ids only, but the rule is simpler without exceptions).
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private refresh: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly instrumentation: JobInstrumentation,
    private readonly giveWay: DeliveryGiveWay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { concurrency, lockMs, sweepIntervalMs, queues } = this.config.jobs;
    const selected = ALL_QUEUES.filter((name) => !queues || queues.includes(name));
    if (queues) this.logger.log({ msg: 'running the chosen queues only', queues: selected });
    for (const name of selected) {
      const processor = (job: Job, token?: string) =>
        this.instrumentation.run(name, job, () => this.registry.handle(job, token));
      const worker = new Worker(name, processor, {
        connection: redisOptions(this.config.redisUrl),
        prefix: this.config.redisPrefix,
        // Recorded on each job (processedBy), so Bull Board shows which process ran it.
        name: `${hostname()}:${process.pid}`,
        // One export at a time per worker: each streams a whole area's register, and the worker's memory is bounded.
        concurrency: name === QueueName.EXPORTS ? 1 : concurrency,
        lockDuration: lockMs,
        stalledInterval: Math.max(1_000, Math.round(lockMs / 2)),
        maxStalledCount: 3,
        // Every job's backoff (RETRY_BACKOFF_TYPE): doubling from JOB_BACKOFF_MS, capped at JOB_BACKOFF_MAX_MS.
        settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, this.config.jobs) },
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({
          msg: 'job failed',
          queue: name,
          job: job?.name,
          jobId: job?.id,
          attempt: job?.attemptsMade,
          error: error.message,
        }),
      );
      worker.on('error', (error) => this.logger.error({ msg: 'worker error', queue: name, error: error.message }));
      this.workers.push(worker);
      if (GIVE_WAY_TO_RUNGS.has(name)) this.giveWay.watch(worker);
    }
    await this.registerSchedulers();
    // Re-registered every sweep interval, so a Redis that lost everything gets its schedulers back within one.
    this.refresh = setInterval(() => void this.registerSchedulers(), Math.min(60_000, sweepIntervalMs));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.refresh) clearInterval(this.refresh);
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  /** Whether every queue's BullMQ worker is running or giving way to a release of due rungs (the worker's readiness). */
  running(): boolean {
    return (
      this.workers.length > 0 && this.workers.every((worker) => worker.isRunning() || this.giveWay.givingWay(worker))
    );
  }

  /** Idempotent: upserting a scheduler that exists changes nothing. */
  async registerSchedulers(): Promise<void> {
    try {
      for (const scheduler of jobSchedulers(this.config.jobs.sweepIntervalMs)) {
        await this.queues
          .queue(JOB_QUEUE[scheduler.job])
          .upsertJobScheduler(scheduler.id, scheduler.repeat, { name: scheduler.job, data: {} });
      }
    } catch (error) {
      this.logger.warn({ msg: 'could not register job schedulers', error: (error as Error).message });
    }
  }
}
