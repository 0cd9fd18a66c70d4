import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';

import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { REDIS_CLIENT } from './queue.constants';

/** A hold is told to the other processes again only when it reaches this much further than they were last told. */
const SHARE_AHEAD_MS = 500;

/**
 * Whether a worker is working through a backlog of due escalation rungs (a deadline storm: its lanes keep claiming
 * full batches). Work that can wait a moment gives way to it:
 *
 * - in the process that fires (`firing`): a batch of domain events (a storm's 100,000 `task.overdue` events) is
 *   dispatched, and the outbox relayed, after the firing instead of beside it, where it wrote nearly as many rows as
 *   the firing itself (issue 22);
 * - in every process (`heldAnywhereMs`): email delivery pauses (DeliveryGiveWay), since a storm's emails all fall due
 *   at its instant and their claims ran in PostgreSQL beside the release.
 *
 * The hold is shared through one Redis key with a time to live (the key `<prefix>:rung-backlog`, renewed by the next
 * full batch): PostgreSQL stays the truth of every rung and email, and losing the key (Redis away or flushed) loses
 * only the give-way, never work. A process that does not fire rungs never holds it.
 */
@Injectable()
export class RungBacklog {
  private until = 0;
  private sharedUntil = 0;
  private readonly key: string;
  private readonly holder = `${hostname()}:${process.pid}`;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = `${config.redisPrefix}:rung-backlog`;
  }

  /** A lane claimed a full batch: more is due. The backlog holds for `ms` unless the next full batch renews it. */
  holdFor(ms: number): void {
    const now = performance.now();
    this.until = Math.max(this.until, now + ms);
    if (this.until - this.sharedUntil < SHARE_AHEAD_MS || this.redis.status !== 'ready') return;
    this.sharedUntil = this.until;
    // Not awaited: the firing never waits on Redis for a courtesy.
    this.redis.set(this.key, this.holder, 'PX', Math.ceil(this.until - now)).catch(() => (this.sharedUntil = 0));
  }

  /** This process is working through a backlog. */
  get firing(): boolean {
    return performance.now() < this.until;
  }

  /** How long this process's hold lasts unless renewed (0 when it does not hold). */
  get remainingMs(): number {
    return Math.max(0, Math.ceil(this.until - performance.now()));
  }

  /**
   * How long the hold of any process lasts unless renewed (0 when none holds): Redis's own time to live, so the
   * processes' clocks need not agree. Redis away answers 0 at once: delivery then goes on.
   */
  async heldAnywhereMs(): Promise<number> {
    if (this.redis.status !== 'ready') return this.remainingMs;
    const shared = await this.redis.pttl(this.key);
    return Math.max(this.remainingMs, shared);
  }
}
