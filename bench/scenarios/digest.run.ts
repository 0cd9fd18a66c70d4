import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@app/persistence/data-source-options';

import { createBenchEnv } from '../support/bench-env';
import { runMain } from '../support/run-main';
import { digest } from './digest';

/**
 * Benchmark C on its own, against a database an earlier `npm run bench` loaded (BENCH_DATABASE, default
 * simpul_bench): its digest runs are deleted, then the week is sent to every recipient again. Needs a current
 * `dist/` (`npm run build`).
 *
 *   ts-node -r tsconfig-paths/register --transpile-only bench/scenarios/digest.run.ts
 */
async function main(): Promise<void> {
  const env = createBenchEnv('full');
  // A database an earlier run loaded may predate migrations (an index, say): bring it up to date first.
  const dataSource = await new DataSource(dataSourceOptions(env.databaseUrl)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) env.log(`applied ${applied.map((migration) => migration.name).join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  try {
    // Not VACUUM or TRUNCATE: the planner would take the table for empty for the whole run. Each run leaves ~200,000
    // dead row versions behind; after a few runs `VACUUM FULL digest_run` while it is full, then ANALYZE.
    await db.query('DELETE FROM digest_run');
  } finally {
    await db.end();
  }
  env.log(`C alone on ${env.databaseName}`);
  process.stdout.write(`${JSON.stringify(await digest(env), null, 2)}\n`);
}

runMain(main);
