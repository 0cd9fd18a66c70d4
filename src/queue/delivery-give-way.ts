import { performance } from 'node:perf_hooks';

import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, Job, Worker } from 'bullmq';

import { GiveWayRule } from './give-way-rule';
import { RungBacklog } from './rung-backlog';

/** How often a delivering worker looks whether a release of due rungs holds (one Redis PTTL). */
const LOOK_EVERY_MS = 250;
/** Delivery gives way this long at most in a row; then it goes on until the hold lapses once. */
export const DELIVERY_GIVE_WAY_AT_MOST_MS = 60_000;

/**
 * Email delivery gives way while any process works through a backlog of due rungs (RungBacklog). A storm's emails
 * all fall due at its instant, and without this their claims and sends ran in PostgreSQL beside the release of its
 * rungs (issue 22). Two parts:
 *
 * - the BullMQ workers it watches (the email queue's) are paused while the hold lasts and resumed when it lapses,
 *   looked at every LOOK_EVERY_MS: jobs wait in Redis, and jobs already running finish;
 * - a delivery job that was fetched anyway (before the worker's next look) goes back to wait for the hold in the
 *   queue without using up an attempt (`deferWhileHeld`).
 *
 * Nothing waits longer than the hold plus a look, nothing is lost (the jobs stay in Redis, the emails PENDING in
 * PostgreSQL for the sweep), and a hold lost with Redis only loses the give-way.
 */
@Injectable()
export class DeliveryGiveWay implements OnApplicationShutdown {
  private readonly logger = new Logger('Emails');
  private readonly rule = new GiveWayRule(DELIVERY_GIVE_WAY_AT_MOST_MS);
  private readonly workers: Worker[] = [];
  private timer: NodeJS.Timeout | undefined;
  private looking = false;
  private pausedAt: number | undefined;

  constructor(private readonly backlog: RungBacklog) {}

  /** Pauses this worker while a hold lasts (from now until the application shuts down). */
  watch(worker: Worker): void {
    this.workers.push(worker);
    this.timer ??= setInterval(() => void this.look(), LOOK_EVERY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Paused by the give-way: the worker counts as running for readiness. */
  givingWay(worker: Worker): boolean {
    return this.pausedAt !== undefined && this.workers.includes(worker);
  }

  /**
   * A delivery job fetched while a hold lasts (before its worker's next look) goes back to wait for the hold, without
   * using up an attempt: throws BullMQ's DelayedError. Returns when the job may go on.
   */
  async deferWhileHeld(job: Job, token: string | undefined): Promise<void> {
    if (!token) return;
    const heldMs = await this.heldMs();
    if (!this.rule.observe(heldMs, performance.now())) return;
    await job.moveToDelayed(Date.now() + heldMs, token);
    throw new DelayedError();
  }

  private async look(): Promise<void> {
    if (this.looking) return;
    this.looking = true;
    try {
      const heldMs = await this.heldMs();
      const giveWay = this.rule.observe(heldMs, performance.now());
      if (giveWay && this.pausedAt === undefined) {
        this.pausedAt = performance.now();
        for (const worker of this.workers) void worker.pause(true);
        this.logger.log({ msg: 'delivery gives way to a release of due rungs', heldMs });
      } else if (!giveWay && this.pausedAt !== undefined && this.timer) {
        const pausedMs = Math.round(performance.now() - this.pausedAt);
        this.pausedAt = undefined;
        for (const worker of this.workers) worker.resume();
        const why = this.rule.overridden ? 'gave way as long as it may' : 'the release is over';
        this.logger.log({ msg: 'delivery resumes', why, pausedMs });
      }
    } finally {
      this.looking = false;
    }
  }

  private heldMs(): Promise<number> {
    // Redis away: no hold is known, and delivery (which needs Redis for its jobs anyway) goes on.
    return this.backlog.heldAnywhereMs().catch(() => 0);
  }
}
