import { FixedClock } from '@app/kernel/clock';

import { TestWorker } from './test-worker';

/**
 * What the passing of time does while a worker runs: the clock reaches `to`, the minute sweep finds what fell
 * due by then (escalation rungs, emails, digests) and the worker does it, at that time. Rungs due between two
 * calls fire at the later one (a worker that was behind), so a test that cares when a rung fires lets time pass
 * to that moment.
 */
export async function timePasses(clock: FixedClock, worker: TestWorker, to: Date | string): Promise<void> {
  const instant = new Date(to);
  if (instant.getTime() < clock.now().getTime()) {
    throw new Error(`Time does not run backwards: ${instant.toISOString()} is before ${clock.now().toISOString()}.`);
  }
  clock.set(instant);
  await worker.sweep();
  await worker.drain();
}
