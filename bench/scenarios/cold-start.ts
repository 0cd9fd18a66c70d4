import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { BenchEnv, clearRedis } from '../support/bench-env';
import { BenchProcess, freePort, ROOT } from '../support/processes';
import { round } from '../support/stats';

export interface ColdStartResult {
  /** `npm start` (build, embedded PostgreSQL initdb, migrations, reference seed, demo users) to /health/ready. */
  emptySeconds: number;
  /** The same on the data folder the first start left behind. */
  warmSeconds: number;
  /** warm / empty. */
  ratio: number;
}

/**
 * E: what a newcomer's `npm start` costs, on nothing configured: once on an empty data folder, once again on
 * the folder the first start left (the README's promise that a second start reuses the data).
 */
export async function coldStart(env: BenchEnv): Promise<ColdStartResult> {
  // Under the project's .data like a newcomer's (as root, the embedded PostgreSQL's user must reach it).
  const dataDir = join(ROOT, '.data', `bench-cold-start-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const prefix = `${env.redisPrefix}-cold`;
  try {
    const empty = await timeStart(env, dataDir, prefix, 'npm-start-empty');
    const warm = await timeStart(env, dataDir, prefix, 'npm-start-warm');
    return { emptySeconds: round(empty / 1000, 1), warmSeconds: round(warm / 1000, 1), ratio: round(warm / empty, 2) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await clearRedis({ ...env, redisPrefix: prefix });
  }
}

async function timeStart(env: BenchEnv, dataDir: string, prefix: string, name: string): Promise<number> {
  const port = await freePort();
  // Only what a newcomer's shell has, plus ports and a folder of our own so a running `npm start` is untouched.
  const processEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    EMBEDDED_SMTP_PORT: String(await freePort()),
    EMBEDDED_MAIL_WEB_PORT: String(await freePort()),
    REDIS_URL: env.redisUrl,
    REDIS_PREFIX: prefix,
  };
  const started = Date.now();
  const app = BenchProcess.start(name, ['start', '--silent'], processEnv, 'npm');
  try {
    await app.waitForHttp(`http://127.0.0.1:${port}/health/ready`, 300_000);
    const elapsed = Date.now() - started;
    env.log(`E: ${name} ready in ${(elapsed / 1000).toFixed(1)} s`);
    return elapsed;
  } finally {
    const code = await app.stop();
    // npm itself ends by the signal (code null); a number other than 0 means the app failed to stop cleanly.
    if (code !== 0 && code !== null) env.log(`E: ${name} exited with ${code} (see ${app.logFile})`);
  }
}
