import { retryDelayMs, retryWaits } from './retry-schedule';

describe('the retry schedule', () => {
  const defaults = { backoffMs: 5_000, backoffMaxMs: 300_000, attempts: 10 };

  it('doubles from JOB_BACKOFF_MS and never waits longer than JOB_BACKOFF_MAX_MS', () => {
    expect(retryWaits(defaults)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
    expect(retryDelayMs(1_000, defaults)).toBe(300_000);
  });

  it('spans about 20 minutes with the defaults, longer than the PostgreSQL and mail outages seen in the fault runs', () => {
    const span = retryWaits(defaults).reduce((sum, wait) => sum + wait, 0);
    expect(span).toBe(1_215_000);
    expect(span).toBeGreaterThan(120_000);
  });

  it('makes a single attempt when JOB_ATTEMPTS is 1', () => {
    expect(retryWaits({ ...defaults, attempts: 1 })).toEqual([]);
  });
});
