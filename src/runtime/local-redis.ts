import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Redis } from 'ioredis';

export interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

type Log = (msg: string) => void;

const SPAWN_READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

/** `ok`, or why not: `unreachable` (nothing answers) or the server's refusal (e.g. a wrong password). */
async function probe(url: string): Promise<{ ok: true } | { ok: false; refusal?: string }> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    commandTimeout: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    // Already closed; disconnecting again would arm a 2 s timer that holds the event loop open.
    if (client.status !== 'end') client.disconnect();
    return { ok: false };
  }
  try {
    return (await client.ping()) === 'PONG' ? { ok: true } : { ok: false, refusal: 'PING got no PONG' };
  } catch (error) {
    return { ok: false, refusal: (error as Error).message };
  } finally {
    client.disconnect();
  }
}

/** Only the zero-setup default may be started locally: plain redis:// on loopback port 6379, no credentials. */
function isDefaultLoopback(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'redis:' &&
      ['127.0.0.1', 'localhost'].includes(parsed.hostname) &&
      ['', '6379'].includes(parsed.port) &&
      !parsed.username &&
      !parsed.password
    );
  } catch {
    return false;
  }
}

/**
 * Uses the Redis at `url` when it answers (stop() then leaves it alone). Otherwise, on the zero-setup default and
 * when allowed, starts `redis-server` from PATH as a child (loopback, append-only data under `<dataDir>/redis`);
 * else fails with a message that says how to get one.
 */
export async function ensureRedis(opts: {
  url: string;
  dataDir: string;
  allowSpawn: boolean;
  log: Log;
}): Promise<RedisHandle> {
  const { url, log } = opts;
  const first = await probe(url);
  if (first.ok) return { url, stop: async () => undefined };
  if (first.refusal) {
    throw new Error(
      `Something listens at ${url} but did not answer PING as Redis does (${first.refusal}). ` +
        'Check REDIS_URL (host, port, password, TLS).',
    );
  }
  const howTo =
    `Simpul needs Redis at ${url}, and nothing answers there. Start one (install it with e.g. ` +
    '`apt-get install redis-server` or `brew install redis`; `npm start` then starts it by itself), ' +
    'or set REDIS_URL to a Redis you run.';
  if (!opts.allowSpawn || !isDefaultLoopback(url)) throw new Error(howTo);

  const dir = join(resolve(opts.dataDir), 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 10));
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = new Promise<void>((done) => child.once('close', () => done()));
  const isRunning = () => !spawnError && child.exitCode === null && child.signalCode === null;

  const deadline = Date.now() + SPAWN_READY_TIMEOUT_MS;
  while (isRunning() && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    if (isRunning() && (await probe(url)).ok) {
      log(`Started redis-server on 127.0.0.1:6379 (append-only data in ${dir})`);
      let stopping: Promise<void> | undefined;
      return {
        url,
        stop: () =>
          (stopping ??= (async () => {
            if (child.exitCode !== null || child.signalCode !== null) return;
            const escalate = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
            child.kill('SIGTERM');
            await exited;
            clearTimeout(escalate);
          })()),
      };
    }
  }
  const timedOut = isRunning();
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
  const said = output.slice(-3).join(' | ') || spawnError?.message || 'no output';
  const why =
    (spawnError as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
      ? 'redis-server is not on PATH'
      : `redis-server ${timedOut ? 'did not answer within 10 s' : 'stopped'}: ${said}`;
  throw new Error(`${howTo} (${why}.)`);
}
