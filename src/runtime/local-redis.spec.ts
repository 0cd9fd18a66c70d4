import { Redis } from 'ioredis';

import { freePort } from '@libs/testing/free-port';

import { ensureRedis } from './local-redis';

const EXISTING = 'redis://127.0.0.1:6379';
const log = () => undefined;

describe(ensureRedis.name, () => {
  it('uses a Redis that answers, and leaves it running on stop', async () => {
    const sut = await ensureRedis({ url: EXISTING, dataDir: '/nonexistent', allowSpawn: true, log });
    expect(sut.url).toBe(EXISTING);
    await sut.stop();

    const client = new Redis(EXISTING, { maxRetriesPerRequest: 0 });
    try {
      expect(await client.ping()).toBe('PONG');
    } finally {
      client.disconnect();
    }
  });

  it('explains how to get Redis when none answers and starting one is not allowed, naming REDIS_URL', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const attempt = ensureRedis({ url, dataDir: '/nonexistent', allowSpawn: false, log });
    await expect(attempt).rejects.toThrow(/REDIS_URL/);
    await expect(attempt).rejects.toThrow(/apt-get install redis-server/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('starts nothing for a URL other than the local default, even when allowed', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis({ url, dataDir: '/nonexistent', allowSpawn: true, log })).rejects.toThrow(
      new RegExp(`Redis at ${url}.*REDIS_URL`),
    );
  });
});
