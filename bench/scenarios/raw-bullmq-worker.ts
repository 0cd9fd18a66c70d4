import { Worker } from 'bullmq';

import { redisOptions } from '@app/queue/redis-connection';

/**
 * Benchmark B's baseline, run as a process of its own (so it is comparable with a Simpul worker process): a
 * bare BullMQ worker, with the connection options, concurrency and lock settings of Simpul's workers, runs
 * RAW_JOBS trivial jobs that the harness queued. It prints one JSON line with how long that took, counted from
 * constructing the worker (so node and module loading are not in it) to the last completion.
 */
async function main(): Promise<void> {
  const required = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const total = Number(required('RAW_JOBS'));
  const lockMs = Number(required('RAW_LOCK_MS'));
  let completed = 0;
  let failed = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = performance.now();
  const worker = new Worker(required('RAW_QUEUE'), async () => undefined, {
    connection: redisOptions(required('REDIS_URL')),
    prefix: required('REDIS_PREFIX'),
    concurrency: Number(required('RAW_CONCURRENCY')),
    lockDuration: lockMs,
    stalledInterval: Math.max(1_000, Math.round(lockMs / 2)),
    maxStalledCount: 3,
  });
  const settle = () => {
    if (completed + failed >= total) finish();
  };
  worker.on('completed', () => {
    completed += 1;
    settle();
  });
  worker.on('failed', () => {
    failed += 1;
    settle();
  });
  await finished;
  const ms = performance.now() - started;
  await worker.close();
  process.stdout.write(`${JSON.stringify({ rawBullmq: { completed, failed, ms } })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
