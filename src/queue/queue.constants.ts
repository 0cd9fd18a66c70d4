import { JobsOptions } from 'bullmq';

/** Injection token of the shared ioredis client (health checks, locks). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Defaults for every job, in one place: five attempts with exponential backoff (JOB_BACKOFF_MS, then twice,
 * four and eight times that), completed jobs kept a day (their ids keep a re-add from running them again),
 * failed jobs kept for inspection in Bull Board.
 */
export function defaultJobOptions(backoffMs: number): JobsOptions {
  return {
    attempts: 5,
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  };
}
