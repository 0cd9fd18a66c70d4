import { JobsOptions } from 'bullmq';

/** Injection token of the shared ioredis client (health checks, locks). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** Defaults for every job (queues and their job names arrive with the notifications issue): retried with exponential backoff, failed jobs kept for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
