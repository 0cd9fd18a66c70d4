import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { JsonLogger } from '@app/kernel/json-logger';
import { AppConfig } from '@app/config/app-config';
import { loadConfig } from '@app/config/load-config';
import { RoundTally, RungScheduler } from '@app/modules/escalations/rung-scheduler';
import { JobHandlerRegistry, SweepResult } from '@app/queue/job-handler.registry';
import { JobQueues } from '@app/queue/job-queues';
import { OutboxRelay } from '@app/queue/outbox-relay';
import { ALL_QUEUES, JobIds, QueueName } from '@app/queue/queue.names';
import { WorkerModule } from '@app/worker.module';

import { readTestRunState, TEST_PII_KEY, TEST_TOKEN_SECRET } from './test-environment';

/** The worker role in-process: the real relay, BullMQ workers and handlers, on the test's clock and SMTP sink. */
export class TestWorker {
  private constructor(
    readonly context: INestApplicationContext,
    readonly config: AppConfig,
  ) {}

  static async start(
    env: Record<string, string>,
    options: { clock?: Clock; logs?: (line: string) => void } = {},
  ): Promise<TestWorker> {
    const state = readTestRunState();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: state.databaseUrl,
      REDIS_URL: state.redisUrl,
      REDIS_PREFIX: state.redisPrefix,
      AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
      LOG_LEVEL: 'error',
      OUTBOX_POLL_MS: '50',
      JOB_LOCK_MS: '5000',
      ...env,
    });
    const quiet = process.env.TEST_LOGS !== '1';
    const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { clock: options.clock }), {
      logger: options.logs
        ? new JsonLogger('debug', options.logs)
        : new JsonLogger('error', quiet ? () => undefined : undefined),
    });
    await context.init();
    return new TestWorker(context, config);
  }

  get dataSource(): DataSource {
    return this.context.get(DataSource);
  }

  get queues(): JobQueues {
    return this.context.get(JobQueues);
  }

  /** Publishes every committed outbox row now. */
  relay(): Promise<number> {
    return this.context.get(OutboxRelay).relayAll();
  }

  /** Fires every escalation rung due by the clock now (what the worker's rung poll does). */
  fireDueRungs(): Promise<RoundTally> {
    return this.context.get(RungScheduler).fireDue();
  }

  /** Runs the sweep now (what the minute scheduler does). */
  sweep(): Promise<SweepResult> {
    return this.context.get(JobHandlerRegistry).sweep();
  }

  /**
   * Waits until the outbox is published, the rungs due by the clock have fired, and no queue has a job waiting or
   * running (delayed jobs, due later, do not count), twice in a row so jobs that add jobs are followed through.
   */
  async drain(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let idleRounds = 0;
    while (idleRounds < 2) {
      if (Date.now() > deadline) throw new Error(`queues did not drain within ${timeoutMs} ms`);
      await this.relay();
      const rungs = await this.fireDueRungs();
      let busy = rungs.fired + rungs.armed + rungs.skipped + rungs.cancelled + (await this.armedEmailsDue());
      for (const name of ALL_QUEUES) {
        const counts = await this.queues
          .queue(name)
          .getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
        busy += await this.delayedDueSoon(name);
      }
      idleRounds = busy === 0 ? idleRounds + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
  }

  /**
   * The emails of armed rungs wait in Redis until the rung's time, a delay reckoned on the clock when they were armed.
   * The controlled clock jumps where real time would pass: those whose time has come on it are made due, as real
   * time would have made them. Returns how many batches it promoted.
   */
  private async armedEmailsDue(): Promise<number> {
    const rows: { batch: string }[] = await this.dataSource.query(
      `SELECT DISTINCT email_batch_id AS batch FROM notification
       WHERE email_status = 'PENDING' AND created_at <= $1 AND visible_at <= $1 AND email_batch_id IS NOT NULL`,
      [this.context.get(Clock).now()],
    );
    let promoted = 0;
    for (const { batch } of rows) {
      const job = await this.queues.queue(QueueName.EMAIL).getJob(JobIds.emailBatch(batch));
      // Never attempted: a retry waiting out its backoff keeps its real-time delay.
      if (job && job.attemptsMade === 0 && (await job.isDelayed())) {
        await job.promote();
        promoted += 1;
      }
    }
    return promoted;
  }

  /**
   * Jobs of a queue waiting out a short delay in real time (a retry's backoff, an email or digest whose lease another
   * run holds): the queue is not idle until they ran. Ladder rungs days ahead on the controlled clock do not count.
   */
  private async delayedDueSoon(name: QueueName, withinMs = 3_000): Promise<number> {
    const queue = this.queues.queue(name);
    const client = (await queue.client) as unknown as Redis;
    // BullMQ scores a delayed job by its due time in ms × 0x1000 (plus a counter). The next run of a job scheduler
    // (the sweep every 500 ms in some suites) is always due soon and is not work in flight: its ids start "repeat:".
    const due = await client.zrangebyscore(queue.keys.delayed, 0, (Date.now() + withinMs) * 0x1000 + 0xfff);
    return due.filter((id) => !id.startsWith('repeat:')).length;
  }

  async stop(): Promise<void> {
    await this.context.close();
  }
}
