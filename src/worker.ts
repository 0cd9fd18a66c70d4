import 'reflect-metadata';

import { run } from './bootstrap/run';

/**
 * Entry point of the worker role (`npm run start:worker`). `-- --queues email` (or WORKER_QUEUES) runs only the named
 * queues, e.g. email delivery in processes of its own so a deadline storm's decisions do not wait behind its mail;
 * `--nice 10` (or WORKER_NICE) lowers the process's CPU priority, so on a shared host those decisions come first.
 */
const flag = (name: string): Record<string, string> => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? { [`WORKER_${name.toUpperCase()}`]: process.argv[at + 1] ?? '' } : {};
};
void run('worker', { ...process.env, ...flag('queues'), ...flag('nice') });
