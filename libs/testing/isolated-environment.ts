import { randomBytes } from 'node:crypto';

import { Redis } from 'ioredis';
import { Client } from 'pg';

import { readTestRunState } from './test-environment';

export interface IsolatedEnvironment {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Environment variables that point an app or worker at this database and prefix. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A database of its own (copied from the run's migrated, seeded template in well under a second) and a Redis
 * prefix of its own, for suites that run workers: their relay must not pick up other suites' outbox rows.
 * A suite that wipes Redis (FLUSHDB, as a restart without persistence would) names a Redis database number
 * no other suite uses, so the wipe reaches nobody else.
 */
export async function isolatedEnvironment(options: { redisDatabase?: number } = {}): Promise<IsolatedEnvironment> {
  const state = readTestRunState();
  const suffix = randomBytes(4).toString('hex');
  const name = `${state.databaseName}_${suffix}`;
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${state.templateName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(state.adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const redisPrefix = `${state.redisPrefix}-${suffix}`;
  const redis = new URL(state.redisUrl);
  if (options.redisDatabase !== undefined) redis.pathname = `/${options.redisDatabase}`;
  const redisUrl = redis.toString();
  return {
    databaseUrl,
    redisUrl,
    redisPrefix,
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix },
    drop: async () => {
      const client = new Client({ connectionString: state.adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      const keys = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      let cursor = '0';
      do {
        const [next, found] = await keys.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
        if (found.length > 0) await keys.del(...found);
        cursor = next;
      } while (cursor !== '0');
      await keys.quit();
    },
  };
}
