import { performance } from 'node:perf_hooks';

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Clock } from '@app/kernel/clock';
import { EmailQueue } from '@app/modules/notifications/email-queue';
import { SimpulMetrics } from '@app/observability/metrics';
import { RungBacklog } from '@app/queue/rung-backlog';

import { BatchOutcome, DueRungBatch, ReleaseOutcome } from './due-rung-batch';

/** What one round did, over every batch of every lane. */
export interface RoundTally {
  batches: number;
  fired: number;
  /** Armed rungs settled FIRED at their time (counted in `fired` too). */
  released: number;
  /** Rungs armed ahead of their time this round. */
  armed: number;
  skipped: number;
  cancelled: number;
  postponed: number;
}

/** An armed rung's release settles this many rungs per statement (it writes nothing else). */
const RELEASE_PER_BATCH = 10;
/** The timer never spins faster than this, even with an armed rung due now that another worker holds. */
const MIN_WAKE_MS = 20;

/**
 * PostgreSQL is the scheduler of escalation rungs: every RUNG_POLL_MS the worker fires what is due, in batches of
 * RUNG_BATCH, RUNG_LANES at a time, until a batch comes back short. Redis holds nothing per scheduled rung (a million
 * open items with five rungs each cost it nothing), so losing Redis loses no rung, and a worker killed mid-batch
 * rolls its transaction back: the rungs are SCHEDULED again for the next round of any worker. How late a rung fires
 * is bounded by the poll interval while the workers keep up.
 *
 * Each lane first releases armed rungs whose time has come (one statement per RELEASE_PER_BATCH × RUNG_BATCH), then
 * fires what is due and was not armed, and only then arms what falls due within RUNG_ARM_AHEAD_MS (DueRungBatch),
 * so work ahead never delays work due. The timer wakes at the next armed rung's time when that comes before the
 * next poll, so a storm's release starts on time.
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
    private readonly clock: Clock,
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
    const { rungLanes, rungBatch, rungArmAheadMs } = this.config.jobs;
    const tally: RoundTally = { batches: 0, fired: 0, released: 0, armed: 0, skipped: 0, cancelled: 0, postponed: 0 };
    const lane = async (): Promise<void> => {
      for (;;) {
        const releaseLimit = rungBatch * RELEASE_PER_BATCH;
        const released = await this.batch.release(releaseLimit);
        this.afterRelease(released, tally);
        // A full release: more is due now. A backlog, which work that can wait gives way to (RungBacklog).
        if (released.released === releaseLimit) {
          this.holdBacklog();
          continue;
        }
        if (await this.decided(() => this.batch.fire(rungBatch), tally, true)) continue;
        if (rungArmAheadMs > 0 && (await this.decided(() => this.batch.arm(rungBatch, rungArmAheadMs), tally, false)))
          continue;
        return;
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: rungLanes }, lane));
    const failed = lanes.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
    if (tally.fired + tally.armed + tally.skipped + tally.cancelled > 0) {
      this.logger.log({ msg: 'due rungs settled', ...tally });
    }
    return tally;
  }

  /**
   * Runs one batch (firing or arming) and says whether its lane should go on: a full batch that decided something
   * (a short batch means nothing else is due; one that only postponed would claim the same rungs again).
   */
  private async decided(run: () => Promise<BatchOutcome>, tally: RoundTally, firing: boolean): Promise<boolean> {
    const { rungBatch } = this.config.jobs;
    const started = performance.now();
    const outcome = await run();
    if (outcome.claimed === 0) return false;
    // A full batch of due rungs: a backlog, which work that can wait gives way to until it is fired (RungBacklog).
    // Arming ahead is itself work that can wait.
    if (firing && outcome.claimed === rungBatch) this.holdBacklog();
    if (firing) this.metrics?.rungBatches.observe((performance.now() - started) / 1000);
    await this.afterCommit(outcome, tally);
    const progressed = outcome.fired + outcome.armed + outcome.skipped + outcome.cancelled > 0;
    return outcome.claimed === rungBatch && progressed;
  }

  private holdBacklog(): void {
    this.backlog.holdFor(2 * this.config.jobs.rungPollMs + 1_000);
  }

  private afterRelease(outcome: ReleaseOutcome, tally: RoundTally): void {
    if (outcome.released === 0) return;
    tally.batches += 1;
    tally.fired += outcome.released;
    tally.released += outcome.released;
    for (const seconds of outcome.lateness) this.metrics?.rungLateness.observe(seconds);
    this.metrics?.rungsSettled.inc({ outcome: 'FIRED' }, outcome.released);
  }

  private async afterCommit(outcome: BatchOutcome, tally: RoundTally): Promise<void> {
    tally.batches += 1;
    tally.fired += outcome.fired;
    tally.armed += outcome.armed;
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
      // The notifications are committed PENDING: the emails sweep queues them once Redis answers (an armed rung's
      // once its time has come).
      this.logger.warn({ msg: 'emails of fired rungs not queued; the sweep will', error: (error as Error).message });
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().then((next) => this.schedule(next));
    }, delayMs);
  }

  /** One round; returns how long to wait for the next: the poll interval, or less when an armed rung falls due first. */
  private async tick(): Promise<number> {
    const poll = this.config.jobs.rungPollMs;
    try {
      await this.fireDue();
      if (this.lastError) this.logger.log('Escalation rungs fire again.');
      this.lastError = undefined;
      if (this.config.jobs.rungArmAheadMs === 0) return poll;
      const releaseLimit = this.config.jobs.rungBatch * RELEASE_PER_BATCH;
      const next = await this.batch.nextArmed(poll, releaseLimit);
      if (!next) return poll;
      const untilNext = next.at.getTime() - this.clock.now().getTime();
      const wait = Math.min(poll, Math.max(MIN_WAKE_MS, untilNext));
      // A storm falls due before the next poll: work that can wait gives way from now (RungBacklog), so it does not
      // start at the same instant as the release; the release's own full batches then keep the backlog held. Not
      // sooner: a storm armed minutes ahead holds nothing back until then (email delivery everywhere waits on it).
      if (next.count >= releaseLimit && untilNext <= poll) this.backlog.holdFor(wait + 2 * poll + 1_000);
      return wait;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Log once per distinct failure (PostgreSQL away would otherwise log every poll).
      if (message !== this.lastError) this.logger.warn({ msg: 'due rungs not fired; next round', error: message });
      this.lastError = message;
      return poll;
    }
  }
}
