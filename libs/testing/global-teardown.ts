// Path aliases (@app/…) for code loaded outside Jest's module registry.
import 'tsconfig-paths/register';

import { rmSync } from 'node:fs';

import { Redis } from 'ioredis';
import { Client } from 'pg';

import { readTestRunState, testStateFile } from './test-environment';

/** Drops the run's database and Redis keys, and stops the embedded PostgreSQL if the setup started one. */
export default async function globalTeardown(): Promise<void> {
  const state = readTestRunState();
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  // The run's database, its template and every database a suite forked from it.
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_%'`,
    [state.databaseName],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();

  const redis = new Redis(state.redisUrl, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${state.redisPrefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();

  rmSync(testStateFile(), { force: true });
  await globalThis.__SIMPUL_STOP_EMBEDDED_PG__?.();
}
