import { execFileSync } from 'node:child_process';
import { cpus, freemem, release, totalmem } from 'node:os';

import Redis from 'ioredis';

import { BenchEnv, benchClient } from './bench-env';

export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  redis: string;
  pgbench: string;
}

/** What the figures were measured on, recorded with them. */
export async function describeMachine(env: BenchEnv): Promise<MachineDescription> {
  const db = await benchClient(env);
  const redis = new Redis(env.redisUrl);
  try {
    const postgres = ((await db.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
    const info = await redis.info('server');
    let pgbench = 'not found';
    try {
      pgbench = execFileSync('pgbench', ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      // reported as not found; the work-queue benchmark will say so too
    }
    return {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      freeMemoryGiB: Math.round(freemem() / 2 ** 30),
      kernel: release(),
      node: process.version,
      postgres,
      redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
      pgbench,
    };
  } finally {
    await db.end();
    redis.disconnect();
  }
}
