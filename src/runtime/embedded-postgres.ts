import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { Client } from 'pg';

import {
  EMBEDDED_DATABASE_NAME,
  EMBEDDED_DATABASE_PASSWORD,
  EMBEDDED_DATABASE_USER,
  embeddedDatabaseUrl,
} from '@app/database/embedded-database-url';

import { packagedBinaries, reachableBinaries } from './postgres-binaries';
import { clusterLocation, DEFAULT_STATE_DIRS } from './postgres-placement';
import { initCluster, startServer, stopServer } from './postgres-server';
import { postgresRunAs } from './postgres-system-user';

export interface EmbeddedPostgresHandle {
  url: string;
  /** Where the cluster is: the data folder asked for, or the folder it was relocated to (see `clusterLocation`). */
  dataDir: string;
  stop(): Promise<void>;
}

type Log = (msg: string) => void;

const STOP_TIMEOUT_MS = 20_000;

const runningServers = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Whenever Node exits without stopping it, the server gets a fast shutdown instead of living on orphaned. */
function stopOnExit(child: ChildProcess): void {
  runningServers.add(child);
  child.once('exit', () => runningServers.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const server of runningServers) server.kill('SIGINT');
  });
}

/** Whether `pid` runs, and (where /proc exists) its command name and parent. */
function inspectProcess(pid: number): { alive: boolean; command?: string; parentPid?: number } {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return { alive: false };
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const parentPid = Number(stat.slice(close + 2).split(' ')[1]);
    return { alive: true, command, parentPid };
  } catch {
    return { alive: true };
  }
}

function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done) => {
    const check = () => {
      if (!inspectProcess(pid).alive) return done(true);
      if (Date.now() > deadline) return done(false);
      setTimeout(check, 100);
    };
    check();
  });
}

/**
 * A postmaster.pid left by a crash blocks the next start when its pid now belongs to another process (PostgreSQL
 * clears it itself only when the pid is gone). Removes it then; stops a PostgreSQL an earlier run left orphaned;
 * refuses when a live Simpul still uses this data folder. Returns whether anything was cleared.
 */
async function clearStaleLock(dataDir: string, log: Log): Promise<boolean> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const owner = Number.isInteger(pid) && pid > 0 ? inspectProcess(pid) : { alive: false };
  if (!owner.alive || (owner.command !== undefined && owner.command !== 'postgres')) {
    log(`Removing a stale postmaster.pid in ${dataDir} (left by a PostgreSQL that no longer runs)`);
    rmSync(pidFile, { force: true });
    return true;
  }
  const parent = owner.parentPid ? inspectProcess(owner.parentPid) : undefined;
  // Orphans are re-parented to init (or a subreaper such as systemd or tini).
  const orphaned = owner.parentPid === 1 || ['systemd', 'init', 'tini', 'dumb-init'].includes(parent?.command ?? '');
  if (!orphaned) {
    throw new Error(
      `The embedded PostgreSQL for ${dataDir} is already running (pid ${pid}), probably for another Simpul on this ` +
        `machine. Stop that one first (if none runs, \`kill ${pid}\`), or give this one its own DATA_DIR and ` +
        'EMBEDDED_POSTGRES_PORT.',
    );
  }
  log(`Stopping a PostgreSQL an earlier run left running on ${dataDir} (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
    throw new Error(`The PostgreSQL an earlier run left running (pid ${pid}) did not stop; run \`kill ${pid}\`.`);
  }
  return true;
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(false)));
  });
}

async function ensureDatabase(url: string): Promise<void> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE_NAME]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${EMBEDDED_DATABASE_NAME}"`);
  } finally {
    await admin.end();
  }
}

/**
 * Starts the real PostgreSQL that the `embedded-postgres` package ships, on 127.0.0.1 and a port of its own
 * (never 5432, which a system server may hold), without a Unix socket. The cluster is created on first use
 * (UTF-8, builtin C.UTF-8 locale, independent of the machine's locale); later starts reuse its data.
 *
 * As root, PostgreSQL runs as the system user "postgres" (created when missing). When that user cannot reach
 * `dataDir` (a checkout in a private folder) and `relocatable` is set (the data folder is the default, not an
 * explicit DATA_DIR), the cluster lives in a private folder of its own under one of `stateDirs`; see
 * `clusterLocation`. Binaries it cannot reach are copied likewise (`reachableBinaries`).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log: Log;
  relocatable?: boolean;
  stateDirs?: string[];
  /** The binaries' `native/` folder; by default the one npm installed for this machine. */
  binariesDir?: string;
}): Promise<EmbeddedPostgresHandle> {
  const { port, log } = opts;
  const stateDirs = opts.stateDirs ?? DEFAULT_STATE_DIRS;
  const fixes = 'or set DATABASE_URL to a PostgreSQL server you run';

  const runAs = postgresRunAs(log);
  const binaries = reachableBinaries(packagedBinaries(opts.binariesDir), runAs, stateDirs, log);
  const dataDir = clusterLocation({
    dataDir: resolve(opts.dataDir),
    relocatable: opts.relocatable ?? false,
    runAs,
    stateDirs,
    log,
  });
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} holds files but no PostgreSQL cluster (no PG_VERSION), perhaps from an interrupted first start. ` +
        `Delete it (\`rm -rf ${dataDir}\`) so a fresh cluster is created, set DATA_DIR elsewhere, ${fixes}.`,
    );
  }
  if (!fresh) await clearStaleLock(dataDir, log);
  if (await portTaken(port)) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen there. ` +
        `Set EMBEDDED_POSTGRES_PORT to a free port, ${fixes}.`,
    );
  }

  const output: string[] = [];
  const remember = (text: string) => {
    output.push(
      ...text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
    output.splice(0, Math.max(0, output.length - 15));
  };
  const recent = () => (output.length > 0 ? ` PostgreSQL said:\n  ${output.join('\n  ')}` : '');

  if (fresh) {
    log(`Creating the embedded PostgreSQL cluster in ${dataDir}`);
    try {
      await initCluster({
        binaries,
        dataDir,
        runAs,
        user: EMBEDDED_DATABASE_USER,
        password: EMBEDDED_DATABASE_PASSWORD,
        initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C'],
        output: remember,
      });
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL could not create its cluster in ${dataDir} (${(error as Error).message}).` +
          `${recent()}\nCheck that the folder is writable${runAs ? ' by the "postgres" user' : ''}, ${fixes}.`,
      );
    }
  }

  const start = () =>
    startServer({
      binaries,
      dataDir,
      port,
      runAs,
      flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      output: remember,
    });
  let server: ChildProcess;
  try {
    server = await start();
  } catch (first) {
    // A lock file that turned stale between the check and the start (or one PostgreSQL named): clear it, retry once.
    const lockProblem = output.some((line) => /lock file|postmaster\.pid/i.test(line));
    const cleared = lockProblem && (await clearStaleLock(dataDir, log).catch(() => false));
    try {
      if (!cleared) throw first;
      output.length = 0;
      server = await start();
    } catch (error) {
      const portProblem = output.some((line) => /could not (bind|create any TCP)/i.test(line));
      throw new Error(
        `The embedded PostgreSQL did not start on 127.0.0.1:${port} (${(error as Error).message}).${recent()}\n` +
          (portProblem
            ? `If the port is taken, set EMBEDDED_POSTGRES_PORT to a free port, ${fixes}.`
            : `Fix the cause above, ${fixes}.`),
      );
    }
  }

  const url = embeddedDatabaseUrl(port);
  try {
    await ensureDatabase(url);
  } catch (error) {
    await stopServer(server).catch(() => undefined);
    throw new Error(
      `The embedded PostgreSQL started but the database "${EMBEDDED_DATABASE_NAME}" could not be prepared ` +
        `(${(error as Error).message}). If ${dataDir} was created with other credentials, delete it, ${fixes}.`,
    );
  }
  stopOnExit(server);
  log(`Embedded PostgreSQL ready on 127.0.0.1:${port} (data in ${dataDir})`);

  let stopping: Promise<void> | undefined;
  return { url, dataDir, stop: () => (stopping ??= stopServer(server)) };
}
