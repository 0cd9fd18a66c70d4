import { JobsOptions } from 'bullmq';

import { RETRY_BACKOFF_TYPE, RetrySettings } from './retry-schedule';

/** Injection token of the shared ioredis client (health checks, locks). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Defaults for every job, in one place: JOB_ATTEMPTS attempts with backoff doubling from JOB_BACKOFF_MS up to
 * JOB_BACKOFF_MAX_MS (see retry-schedule.ts), completed jobs kept a day (their ids keep a re-add from running
 * them again), failed jobs kept for inspection in Bull Board (and for the sweep, which brings back those whose
 * work is still due).
 */
export function defaultJobOptions(settings: RetrySettings): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: RETRY_BACKOFF_TYPE, delay: settings.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}
