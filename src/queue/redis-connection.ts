import { Redis, RedisOptions } from 'ioredis';

/** ioredis options from a redis:// URL, as BullMQ needs them (no per-command retry limit for workers). */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export function createRedisClient(url: string): Redis {
  return new Redis({ ...redisOptions(url), lazyConnect: false, enableOfflineQueue: true });
}
