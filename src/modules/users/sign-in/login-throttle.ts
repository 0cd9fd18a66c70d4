import { createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { redisOptions } from '@app/queue/redis-connection';

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Longest lock of one account at one address (unless LOGIN_LOCK_SECONDS asks for a longer first one). */
const MAX_LOCK_SECONDS = HOUR;
/** Longest wait the per-account slowdown adds to one attempt. */
const MAX_SLOWDOWN_MS = 10_000;

/** Why a sign-in was refused without checking the password, and when to try again. */
export class LoginRefused {
  constructor(
    readonly scope: 'account-and-address' | 'address',
    readonly retryAfterSeconds: number,
    /** True for the attempt that set the lock (worth an audit entry); false for those that met it. */
    readonly justLocked: boolean,
  ) {}
}

/** One sign-in attempt that may go on to check the password; report its outcome. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * IPv6 clients usually hold a whole /64: count the network, or one client could rotate through 2^64 addresses.
 * IPv4-mapped addresses count as the IPv4 address.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Sign-in throttling that an attacker cannot turn against the real user (rate-limiter-flexible, counters in Redis so
 * every API replica sees the same counts; each falls back to per-process memory while Redis is away):
 *
 * - per account *and* client address: after LOGIN_MAX_FAILURES wrong passwords in a row (within 24 h) that pair
 *   is locked for LOGIN_LOCK_SECONDS, doubling with each further lock (24 h memory) up to an hour. While locked the
 *   password is not checked at all, so a lock is no oracle. The real user at another address is not affected;
 *   a success resets the pair.
 * - per client address, across accounts: LOGIN_ADDRESS_MAX_FAILURES failed password checks in an hour lock the
 *   address for an hour (one address guessing through many accounts).
 * - per account, across addresses: beyond LOGIN_ACCOUNT_SLOWDOWN_AFTER failures in an hour, each further attempt
 *   waits LOGIN_ACCOUNT_SLOWDOWN_MS more per failure (at most 10 s) before its password is checked. It only slows
 *   down, never refuses: many addresses guessing one account cannot lock its owner out.
 *
 * Every password check counts once, however it arrives; counters are reserved before the check, so parallel
 * attempts cannot slip past a limit. Accounts are keyed by a keyed hash of the e-mail (unknown e-mails are
 * throttled alike, so locks reveal nothing), and an administrator's unlock or password reset starts the account's
 * counters afresh.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly secret: string;
  private readonly settings: AppConfig['login'];
  private readonly pair: RateLimiterRedis;
  private readonly strikes: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly account: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.login;
    this.prefix = `${config.redisPrefix}:login`;
    this.secret = config.auth.tokenSecret;
    // A connection of its own that gives up within a second: a sign-in must not hang while Redis is away (the
    // queue connection waits for Redis forever, as BullMQ needs); the limiters then count in memory.
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    this.redis.on('error', () => undefined);
    const limiter = (name: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:${name}`,
        points,
        duration,
        blockDuration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration, blockDuration }),
      });
    this.pair = limiter('pair', this.settings.maxFailures, DAY);
    this.strikes = limiter('strikes', 1_000_000, DAY);
    this.address = limiter('address', this.settings.addressMaxFailures, HOUR, HOUR);
    this.account = limiter('account', 1_000_000, HOUR);
  }

  onApplicationShutdown(): void {
    // Not quit(): with Redis away that waits for a reconnection that never comes, and keeps the process alive.
    this.redis.disconnect();
  }

  /**
   * Call before checking a password: throws LoginRefused when the address or the account-and-address pair is locked
   * (the password must then not be checked), waits out the account's slowdown, and counts the attempt as a failure
   * until `succeeded()` says otherwise.
   */
  async begin(email: string, clientAddress: string): Promise<LoginAttempt> {
    const account = await this.accountKey(email);
    const client = clientKey(clientAddress);
    const pairKey = `${account}:${client}`;

    await this.reserve(this.address, client, (refused) => new LoginRefused('address', seconds(refused), false));
    await this.reserve(this.pair, pairKey, async (refused) => {
      // Only password checks count against the address: retrying a locked account (the real user behind the same
      // office network, say) must not bring the whole address closer to its own lock.
      await this.address.reward(client, 1);
      if (refused.consumedPoints !== this.settings.maxFailures + 1) {
        return new LoginRefused('account-and-address', seconds(refused), false);
      }
      // This attempt crossed the limit: lock the pair, longer each time it happens within a day.
      const strike = (await this.strikes.consume(pairKey)).consumedPoints;
      const lock = Math.min(
        this.settings.lockSeconds * 2 ** (strike - 1),
        Math.max(MAX_LOCK_SECONDS, this.settings.lockSeconds),
      );
      await this.pair.block(pairKey, lock);
      return new LoginRefused('account-and-address', lock, true);
    });
    const failures = (await this.account.consume(account)).consumedPoints - 1;
    const beyond = failures - this.settings.accountSlowdownAfter;
    if (beyond > 0) await sleep(Math.min(beyond * this.settings.accountSlowdownMs, MAX_SLOWDOWN_MS));

    return {
      succeeded: async () => {
        await Promise.all([
          this.pair.delete(pairKey),
          this.address.reward(client, 1),
          this.account.reward(account, 1),
        ]).catch((error: Error) => this.logger.warn({ msg: 'could not reset sign-in counters', error }));
      },
    };
  }

  /** Starts an account's counters afresh, at every address (an administrator's unlock or password reset). */
  async unlock(email: string): Promise<void> {
    await this.redis.incr(this.generationKey(email));
  }

  /**
   * The account's counter key: a keyed hash of the e-mail (no address in Redis) and its generation, which an
   * unlock moves on so that every earlier pair and account counter stops counting at once.
   */
  private async accountKey(email: string): Promise<string> {
    const generation = await this.redis.get(this.generationKey(email)).catch(() => null);
    return `${this.emailHash(email)}.${generation ?? '0'}`;
  }

  private generationKey(email: string): string {
    return `${this.prefix}:generation:${this.emailHash(email)}`;
  }

  private emailHash(email: string): string {
    return createHmac('sha256', this.secret).update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
  }

  /** Consumes one point, or throws what `refuse` makes of the refusal (RateLimiterRes: over the limit). */
  private async reserve(
    limiter: RateLimiterRedis,
    key: string,
    refuse: (refused: RateLimiterRes) => LoginRefused | Promise<LoginRefused>,
  ): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw await refuse(error);
      throw error;
    }
  }
}

const seconds = (refused: RateLimiterRes): number => Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
