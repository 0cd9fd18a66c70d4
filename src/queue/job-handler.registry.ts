import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { JOB_HANDLER, SWEEP_STEP } from './job-handler.decorator';
import { MalformedJobError } from './job-errors';
import { JobQueues } from './job-queues';
import { JobName } from './queue.names';
import { SweepRound, SweepTally } from './sweep-round';

type Handler = (job: Job, token?: string) => Promise<unknown>;
type SweepFn = (round: SweepRound) => Promise<void>;

/** Each step's tally, or why the step failed (PostgreSQL or Redis away: the next round tries again). */
export type SweepResult = Record<string, SweepTally | { failed: string }>;

/**
 * Finds every @JobHandler and @SweepStep method at boot. The worker refuses to start when a job name has no
 * handler or two, so a job can never sit in Redis with nobody to run it.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, Handler>();
  private readonly sweepSteps = new Map<string, SweepFn>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as (...args: unknown[]) => Promise<unknown>;
        const job = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn);
        if (job) {
          if (this.handlers.has(job)) throw new Error(`Job ${job} has two handlers; each job name needs exactly one.`);
          this.handlers.set(job, (j: Job, token?: string) => fn.call(instance, j, token));
        }
        const step = this.reflector.get<string | undefined>(SWEEP_STEP, fn);
        if (step) this.sweepSteps.set(step, (round) => fn.call(instance, round) as Promise<void>);
      }
    }
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length > 0) {
      throw new Error(
        `The worker cannot start: no handler for job ${missing.join(', ')} (see src/queue/queue.names.ts).`,
      );
    }
  }

  async handle(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new MalformedJobError(job.name, 'no handler knows this job name');
    return handler(job, token);
  }

  /** Runs every sweep step, each with its own round (and cap); one failing step is logged and does not stop the others. */
  async sweep(): Promise<SweepResult> {
    const { sweepReviveLimit, backoffMaxMs, sweepIntervalMs } = this.config.jobs;
    const result: SweepResult = {};
    for (const [name, step] of this.sweepSteps) {
      const round = new SweepRound(this.queues, {
        reviveLimit: sweepReviveLimit,
        reviveAfterMs: backoffMaxMs,
        graceMs: Math.min(30_000, Math.round(sweepIntervalMs / 2)),
      });
      try {
        await step(round);
        result[name] = round.tally;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn({ msg: 'sweep step failed', step: name, error: message });
        result[name] = { failed: message.slice(0, 200) };
      }
    }
    return result;
  }
}
