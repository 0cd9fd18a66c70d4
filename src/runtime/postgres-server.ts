import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { PostgresBinaries } from './postgres-binaries';
import type { RunAs } from './postgres-system-user';

/** Receives PostgreSQL's output, a chunk at a time. */
type Output = (text: string) => void;

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

/** As the server's user, from `/` (the caller's folder may be one that user cannot enter). */
function spawnOptions(runAs: RunAs | undefined): SpawnOptions {
  return { ...(runAs ?? {}), cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] };
}

/** Creates the cluster in `dataDir` (made for, and owned by, `runAs` with mode 0700). */
export async function initCluster(opts: {
  binaries: PostgresBinaries;
  dataDir: string;
  runAs: RunAs | undefined;
  user: string;
  password: string;
  initdbFlags: string[];
  output: Output;
}): Promise<void> {
  const { dataDir, runAs } = opts;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  chmodSync(dataDir, 0o700);
  // Beside the cluster, where its user can read it; nobody else may.
  const passwordFile = join(dirname(dataDir), `.${basename(dataDir)}.pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${opts.password}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=scram-sha-256',
      `--username=${opts.user}`,
      `--pwfile=${passwordFile}`,
      '--lc-messages=C',
      ...opts.initdbFlags,
    ];
    const child = spawn(opts.binaries.initdb, args, spawnOptions(runAs));
    child.stdout?.on('data', (chunk: Buffer) => opts.output(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => opts.output(chunk.toString('utf8')));
    await new Promise<void>((done, fail) => {
      child.once('error', fail);
      child.once('close', (code, signal) =>
        code === 0 ? done() : fail(new Error(`initdb failed (${signal ? `signal ${signal}` : `exit code ${code}`})`)),
      );
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Fast shutdown (SIGINT); immediate shutdown (SIGQUIT) if that hangs. Safe to call when it already exited. */
export async function stopServer(child: ChildProcess): Promise<void> {
  // A child that never spawned (its binary could not be run) has no pid and will never exit.
  if (child.pid === undefined || !running(child)) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const escalate = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
  try {
    child.kill('SIGINT');
    await exited;
  } finally {
    clearTimeout(escalate);
  }
}

/**
 * Starts `postgres` on the cluster and resolves once it accepts connections; rejects (the server stopped) when it
 * exits first or is not ready within a minute. Its output keeps flowing to `output` while it runs.
 */
export async function startServer(opts: {
  binaries: PostgresBinaries;
  dataDir: string;
  port: number;
  runAs: RunAs | undefined;
  flags: string[];
  output: Output;
}): Promise<ChildProcess> {
  // English messages whatever the cluster was created with: the readiness line is matched.
  const args = ['-D', opts.dataDir, '-p', String(opts.port), '-c', 'lc_messages=C', ...opts.flags];
  const child = spawn(opts.binaries.postgres, args, spawnOptions(opts.runAs));
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((done, fail) => {
      let tail = '';
      const watch = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        opts.output(text);
        // The line may arrive split across chunks.
        tail = (tail + text).slice(-(READY.length + text.length));
        if (tail.includes(READY)) done();
      };
      child.stdout?.on('data', (chunk: Buffer) => opts.output(chunk.toString('utf8')));
      child.stderr?.on('data', watch);
      child.once('error', fail);
      child.once('exit', (code, signal) =>
        fail(new Error(`PostgreSQL exited during start-up (${signal ? `signal ${signal}` : `exit code ${code}`})`)),
      );
      timer = setTimeout(() => fail(new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    });
  } catch (error) {
    await stopServer(child).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return child;
}
