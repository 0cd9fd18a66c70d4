import { randomBytes } from 'node:crypto';

import { Client } from 'pg';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '@app/persistence/data-source-options';
import { seedReferenceData } from '@app/seeds/seed-reference-data';

import { ScaleName, ScaleSizes, SCALES } from './scale';

/**
 * Where one benchmark run works: its own PostgreSQL database (dropped and created again at the start, so a
 * run never measures leftovers), its own Redis key prefix, and secrets made for the run.
 */
export interface BenchEnv {
  scale: ScaleName;
  sizes: ScaleSizes;
  /** Any database on the server, used to create and drop the bench database. */
  adminUrl: string;
  databaseName: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  tokenSecret: string;
  piiKey: string;
  log: (message: string) => void;
}

const started = Date.now();

export function benchLog(message: string): void {
  const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(7);
  process.stdout.write(`[bench ${elapsed}s] ${message}\n`);
}

export function createBenchEnv(scale: ScaleName): BenchEnv {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  // BENCH_DATABASE names another database (two runs side by side); it is dropped and created like the default.
  const databaseName = process.env.BENCH_DATABASE ?? (scale === 'full' ? 'simpul_bench' : `simpul_bench_${scale}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName))
    throw new Error(`BENCH_DATABASE: ${databaseName} is not a plain database name.`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  return {
    scale,
    sizes: SCALES[scale],
    adminUrl,
    databaseName,
    databaseUrl: url.toString(),
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: `simpul-bench-${databaseName}`,
    tokenSecret: randomBytes(32).toString('hex'),
    piiKey: randomBytes(32).toString('base64'),
    log: benchLog,
  };
}

/** Drops and creates the bench database, migrates it and loads the reference data (as `npm start` would). */
export async function prepareDatabase(env: BenchEnv): Promise<void> {
  const admin = new Client({ connectionString: env.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${env.databaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${env.databaseName}`);
  } finally {
    await admin.end();
  }
  const dataSource = await new DataSource(dataSourceOptions(env.databaseUrl)).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Removes every key of the run's prefix (BullMQ queues, locks) so each scenario starts from empty queues. */
export async function clearRedis(env: BenchEnv): Promise<void> {
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 2 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * The environment of an API or worker process of the run: production mode (no playground, production
 * logging), the bench database and prefix, warnings only.
 */
export function processEnv(env: BenchEnv, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    NODE_ENV: 'production',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: env.redisPrefix,
    AUTH_TOKEN_SECRET: env.tokenSecret,
    PII_ENCRYPTION_KEY: env.piiKey,
    LOG_LEVEL: 'warn',
    // Production requires one; API processes never send mail (workers do, and get the sink's address).
    SMTP_URL: 'smtp://127.0.0.1:25',
    // Production requires the base of links in emails; the sink never follows them.
    PUBLIC_URL: 'https://simpul.bench.invalid',
    // The worker's health and metrics listener on a free port: another run may hold the default one.
    WORKER_HTTP_PORT: '0',
    ...extra,
  };
}

/** A pg client on the bench database, for the harness's own setup and readings. */
export async function benchClient(env: BenchEnv): Promise<Client> {
  const client = new Client({ connectionString: env.databaseUrl, application_name: 'simpul-bench' });
  await client.connect();
  return client;
}
