import 'reflect-metadata';

import { ProcessRole } from './config/app-config';
import { run } from './bootstrap/run';

/** `node dist/src/main.js [--role all|api|worker]`; `all` (the default) is what `npm start` runs. */
function roleFromArgs(args: string[]): ProcessRole {
  const index = args.indexOf('--role');
  const value = index >= 0 ? args[index + 1] : 'all';
  if (value === 'all' || value === 'api' || value === 'worker') return value;
  process.stderr.write(`Unknown --role ${value}; use all, api or worker.\n`);
  process.exit(64);
}

void run(roleFromArgs(process.argv.slice(2)), process.env);
