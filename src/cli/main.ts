/**
 * The operator commands, run from the built output with plain node (no ts-node, no src/), so they work in the
 * production image: `node dist/src/cli/main.js <command>`, which the npm scripts wrap (`npm run pii:rotate`).
 * `node dist/src/cli/main.js --help` lists them.
 */
import 'reflect-metadata';

import { CommandFactory } from 'nest-commander';

import { JsonLogger } from '@app/kernel/json-logger';

import { CliModule } from './cli.module';

void CommandFactory.run(CliModule, {
  logger: new JsonLogger('warn', (line) => process.stderr.write(`${line}\n`)),
  serviceErrorHandler: (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  },
}).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
