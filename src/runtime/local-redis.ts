import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { Redis } from 'ioredis';

export interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

const DEFAULT_URL = /^redis:\/\/(127\.0\.0\.1|localhost)(:6379)?\/?$/;

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Uses the Redis at `url` when it answers. Otherwise, on the zero-setup default, starts `redis-server` from
 * PATH as a child with append-only data under the data folder; else explains how to get one.
 */
export async function ensureRedis(options: {
  url: string;
  dataDir: string;
  allowSpawn: boolean;
  log: (msg: string) => void;
}): Promise<RedisHandle> {
  if (await answers(options.url)) return { url: options.url, stop: async () => undefined };
  const howTo =
    `Simpul needs Redis at ${options.url} and nothing answers there. ` +
    'Install and start one (e.g. `apt-get install redis-server`, or `brew install redis`), or set REDIS_URL.';
  if (!options.allowSpawn || !DEFAULT_URL.test(options.url)) throw new Error(howTo);

  const dir = join(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: 'ignore' },
  );
  const spawnFailed = new Promise<boolean>((resolve) => child.once('error', () => resolve(false)));
  for (let attempt = 0; attempt < 50; attempt++) {
    const ready = await Promise.race([
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 200)).then(() => answers(options.url)),
      spawnFailed,
    ]);
    if (ready) {
      options.log(`Started redis-server on 127.0.0.1:6379 (data in ${dir})`);
      return {
        url: options.url,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    if (child.exitCode !== null || child.pid === undefined) break;
  }
  child.kill('SIGKILL');
  throw new Error(`${howTo} (redis-server from PATH could not be started.)`);
}
