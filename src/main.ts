import 'reflect-metadata';

import cluster from 'node:cluster';

import { ProcessRole } from './config/app-config';
import { apiProcesses, runApiCluster } from './bootstrap/api-cluster';
import { run } from './bootstrap/run';

/**
 * `node dist/src/main.js [--role all|api|worker] [--processes N|auto]`; `all` (the default) is what `npm start` runs.
 * `--processes` (or API_PROCESSES) runs the api role as that many processes on one port (`auto`: one per core).
 */
function roleFromArgs(args: string[]): ProcessRole {
  const index = args.indexOf('--role');
  const value = index >= 0 ? args[index + 1] : 'all';
  if (value === 'all' || value === 'api' || value === 'worker') return value;
  process.stderr.write(`Unknown --role ${value}; use all, api or worker.\n`);
  process.exit(64);
}

const args = process.argv.slice(2);
const role = roleFromArgs(args);
const processes = role === 'api' ? apiProcesses(args, process.env) : 1;
if (processes > 1 && cluster.isPrimary) runApiCluster(processes);
else void run(role, process.env);
