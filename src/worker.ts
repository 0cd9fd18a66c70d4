import 'reflect-metadata';

import { run } from './bootstrap/run';

/**
 * Entry point of the worker role (`npm run start:worker`). `-- --queues email` (or WORKER_QUEUES) runs only the named
 * queues, e.g. email delivery in processes of its own so a deadline storm's decisions do not wait behind its mail.
 */
const at = process.argv.indexOf('--queues');
void run('worker', at >= 0 ? { ...process.env, WORKER_QUEUES: process.argv[at + 1] ?? '' } : process.env);
