import cluster, { Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * How many API processes `--processes N|auto` (or API_PROCESSES) asks for: `auto` is one per core. Anything else than
 * a whole number from 1 to 64 is refused with a message naming the option.
 */
export function apiProcesses(args: string[], env: NodeJS.ProcessEnv): number {
  const index = args.indexOf('--processes');
  const value = index >= 0 ? args[index + 1] : env.API_PROCESSES;
  if (value === undefined || value === '') return 1;
  if (value === 'auto') return availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    process.stderr.write(`--processes (API_PROCESSES) must be auto or a whole number from 1 to 64, not "${value}".\n`);
    process.exit(64);
  }
  return count;
}

/**
 * The API role as `count` processes sharing one port (Node's cluster: the primary accepts connections and hands
 * them round the workers). Each process is a whole API (its own pool of `DATABASE_POOL_SIZE` connections, its own
 * metrics); migrations run under the advisory lock, so they start together safely. A process that dies is started
 * again (after a second, so a crash at boot does not spin); SIGTERM or SIGINT stops them all, then the primary.
 */
export function runApiCluster(count: number): void {
  const log = (msg: string, extra: Record<string, unknown> = {}) =>
    process.stdout.write(`${JSON.stringify({ level: 'log', context: 'Cluster', pid: process.pid, msg, ...extra })}\n`);
  let stopping = false;
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log('an API process ended; starting another', { pid: worker.process.pid, code, signal });
    setTimeout(fork, 1_000);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`Received ${signal}; stopping the API processes.`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  }
  log(`Starting ${count} API processes`);
  for (let i = 0; i < count; i++) fork();
}
