/** The backoff type every job uses (see QueueWorkers: the worker computes it with `retryDelayMs`). */
export const RETRY_BACKOFF_TYPE = 'simpul-capped-exponential';

export interface RetrySettings {
  /** First wait (JOB_BACKOFF_MS). */
  backoffMs: number;
  /** Longest wait (JOB_BACKOFF_MAX_MS). */
  backoffMaxMs: number;
  /** Attempts of one job (JOB_ATTEMPTS). */
  attempts: number;
}

/**
 * How long a job waits before its next attempt, after `attemptsMade` failed ones: JOB_BACKOFF_MS, then twice, four
 * times … that, never more than JOB_BACKOFF_MAX_MS.
 */
export function retryDelayMs(
  attemptsMade: number,
  settings: Pick<RetrySettings, 'backoffMs' | 'backoffMaxMs'>,
): number {
  const exponent = Math.max(0, Math.min(attemptsMade - 1, 40));
  return Math.min(settings.backoffMaxMs, Math.round(settings.backoffMs * 2 ** exponent));
}

/** The waits between one job's attempts (attempts − 1 of them), as the README's reliability section describes. */
export function retryWaits(settings: RetrySettings): number[] {
  return Array.from({ length: Math.max(0, settings.attempts - 1) }, (_, i) => retryDelayMs(i + 1, settings));
}
