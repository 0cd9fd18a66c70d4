import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { GroupCommit } from '@app/database/group-commit';

import { REDIS_CLIENT } from './queue.constants';

/** What the mail server said when it accepted a message. */
export interface Acceptance {
  messageId: string;
  acceptedAt: string;
}

/** Long enough to outlast any retry span; the entry is removed once PostgreSQL has the delivery as SENT. */
const KEEP_SECONDS = 31 * 24 * 3600;
/** Redis answers in well under a millisecond; waiting longer would hold up other sends for nothing. */
const TIMEOUT_MS = 2_000;

/**
 * Deliveries the mail server accepted while PostgreSQL could not record it (a restart, a lost connection): kept in
 * Redis, which is a separate service, so the job's next attempt records SENT instead of sending again. Entries hold
 * the delivery's id and the Message-ID only (ids, no personal data).
 */
@Injectable()
export class AcceptedDeliveries {
  private readonly forgetting = new GroupCommit<string>(async (keys) => {
    await withTimeout(this.redis.del(...keys));
  });

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async remember(kind: 'email' | 'digest', id: string, acceptance: Acceptance): Promise<void> {
    // Not connected: fail now rather than wait in ioredis's offline queue (the caller then records in PostgreSQL).
    if (this.redis.status !== 'ready') throw new Error(`Redis is not connected (${this.redis.status})`);
    await withTimeout(this.redis.set(this.key(kind, id), JSON.stringify(acceptance), 'EX', KEEP_SECONDS));
  }

  async recall(kind: 'email' | 'digest', id: string): Promise<Acceptance | undefined> {
    const value = await withTimeout(this.redis.get(this.key(kind, id)));
    return value ? (JSON.parse(value) as Acceptance) : undefined;
  }

  /** The acceptances kept for any of `ids`, in one round trip (a batch job's first look). */
  async recallMany(kind: 'email' | 'digest', ids: readonly string[]): Promise<Map<string, Acceptance>> {
    const found = new Map<string, Acceptance>();
    if (ids.length === 0) return found;
    const values = await withTimeout(this.redis.mget(ids.map((id) => this.key(kind, id))));
    values.forEach((value, i) => {
      if (value) found.set(ids[i], JSON.parse(value) as Acceptance);
    });
    return found;
  }

  /**
   * Drops the entry once PostgreSQL has the delivery as SENT. Entries dropped side by side go in one DEL (a sender
   * drops one per message: a round trip each was a good part of a storm's email drain, issue 22).
   */
  async forget(kind: 'email' | 'digest', id: string): Promise<void> {
    await this.forgetting.add(this.key(kind, id));
  }

  private key(kind: string, id: string): string {
    return `${this.config.redisPrefix}:accepted:${kind}:${id}`;
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}
