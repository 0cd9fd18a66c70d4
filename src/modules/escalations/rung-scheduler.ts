import { performance } from 'node:perf_hooks';

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { EmailQueue } from '@app/modules/notifications/email-queue';
import { SimpulMetrics } from '@app/observability/metrics';
import { RungBacklog } from '@app/queue/rung-backlog';

import { BatchOutcome, DueRungBatch } from './due-rung-batch';

/** What one round did, over every batch of every lane. */
export interface RoundTally {
  batches: number;
  fired: number;
  skipped: number;
  cancelled: number;
  postponed: number;
}

/**
 * PostgreSQL is the scheduler of escalation rungs: every RUNG_POLL_MS the worker fires what is due, in batches of
 * RUNG_BATCH, RUNG_LANES at a time, until a batch comes back short. Redis holds nothing per scheduled rung (a million
 * open items with five rungs each cost it nothing), so losing Redis loses no rung, and a worker killed mid-batch
 * rolls its transaction back: the rungs are SCHEDULED again for the next round of any worker. How late a rung fires
 * is bounded by the poll interval while the workers keep up.
 */
@Injectable()
export class RungScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Escalations');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RoundTally> | undefined;
  private queued: Promise<RoundTally> | undefined;
  private stopped = false;
  private lastError: string | undefined;

  constructor(
    private readonly batch: DueRungBatch,
    private readonly emails: EmailQueue,
    private readonly backlog: RungBacklog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: SimpulMetrics,
  ) {}

  onApplicationBootstrap(): void {
    // Rungs fire in the workers that run the escalations queue (all of them unless WORKER_QUEUES says otherwise).
    const { rungPollMs, queues } = this.config.jobs;
    if (rungPollMs > 0 && (!queues || queues.includes('escalations'))) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Fires everything due now. A round already running in this process is waited for and followed by one more, so
   * a caller (a test's drain, the legacy wake-up job) returns only once what was due when it called has been seen.
   */
  fireDue(): Promise<RoundTally> {
    if (!this.running) {
      this.running = this.round().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.fireDue();
      });
    return this.queued;
  }

  private async round(): Promise<RoundTally> {
    const { rungLanes, rungBatch } = this.config.jobs;
    const tally: RoundTally = { batches: 0, fired: 0, skipped: 0, cancelled: 0, postponed: 0 };
    const lane = async (): Promise<void> => {
      for (;;) {
        const started = performance.now();
        const outcome = await this.batch.fire(rungBatch);
        if (outcome.claimed === 0) return;
        // A full batch: a backlog, which work that can wait gives way to until it is fired (RungBacklog).
        if (outcome.claimed === rungBatch) this.backlog.holdFor(2 * this.config.jobs.rungPollMs + 1_000);
        this.metrics?.rungBatches.observe((performance.now() - started) / 1000);
        await this.afterCommit(outcome, tally);
        const progressed = outcome.fired + outcome.skipped + outcome.cancelled > 0;
        // A short batch means nothing else is due; one that only postponed would claim the same rungs again.
        if (outcome.claimed < rungBatch || !progressed) return;
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: rungLanes }, lane));
    const failed = lanes.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    if (tally.fired + tally.skipped + tally.cancelled > 0) this.logger.log({ msg: 'due rungs settled', ...tally });
    return tally;
  }

  private async afterCommit(outcome: BatchOutcome, tally: RoundTally): Promise<void> {
    tally.batches += 1;
    tally.fired += outcome.fired;
    tally.skipped += outcome.skipped;
    tally.cancelled += outcome.cancelled;
    tally.postponed += outcome.postponed;
    for (const seconds of outcome.lateness) this.metrics?.rungLateness.observe(seconds);
    if (outcome.fired) this.metrics?.rungsSettled.inc({ outcome: 'FIRED' }, outcome.fired);
    if (outcome.skipped) this.metrics?.rungsSettled.inc({ outcome: 'SKIPPED' }, outcome.skipped);
    if (outcome.cancelled) this.metrics?.rungsSettled.inc({ outcome: 'CANCELLED' }, outcome.cancelled);
    try {
      await this.emails.enqueueBatches(outcome.emailBatches);
    } catch (error) {
      // The notifications are committed PENDING: the emails sweep queues them once Redis answers.
      this.logger.warn({ msg: 'emails of fired rungs not queued; the sweep will', error: (error as Error).message });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => this.schedule(this.config.jobs.rungPollMs));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      await this.fireDue();
      if (this.lastError) this.logger.log('Escalation rungs fire again.');
      this.lastError = undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Log once per distinct failure (PostgreSQL away would otherwise log every poll).
      if (message !== this.lastError) this.logger.warn({ msg: 'due rungs not fired; next round', error: message });
      this.lastError = message;
    }
  }
}
