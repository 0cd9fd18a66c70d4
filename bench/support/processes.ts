import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sleep } from './stats';

export const ROOT = join(__dirname, '..', '..');
export const LOG_DIR = join(ROOT, '.data', 'bench-logs');

/** The node flags of a package.json start script (`node <flags> dist/...`), so the bench runs what it runs. */
export function startScriptNodeFlags(script: 'start:api' | 'start:worker'): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const match = /\bnode((?:\s+--\S+)*)\s+dist\//.exec(scripts[script] ?? '');
  if (!match) throw new Error(`package.json script ${script} does not run node dist/...`);
  return match[1].split(/\s+/).filter(Boolean);
}

const live = new Set<BenchProcess>();
process.on('exit', () => BenchProcess.killAll());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130));
}

/**
 * A Simpul process of the benchmark, started from the built code (`dist/`) exactly as `npm run start:api`
 * and `npm run start:worker` run it, its output going to a file under .data/bench-logs.
 */
export class BenchProcess {
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static start(name: string, args: string[], env: Record<string, string>, command = process.execPath): BenchProcess {
    mkdirSync(LOG_DIR, { recursive: true });
    const logFile = join(LOG_DIR, `${name}.log`);
    const fd = openSync(logFile, 'w');
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    const started = new BenchProcess(name, child, logFile);
    live.add(started);
    void started.exited.then(() => live.delete(started));
    return started;
  }

  /** Kills every process the run started (they run in their own process groups, so they would outlive it). */
  static killAll(): void {
    for (const running of live) if (running.groupAlive()) process.kill(-running.pid, 'SIGKILL');
  }

  /** `node <flags> dist/src/main.js --role api`, ready when /health/ready answers 200. */
  static async api(env: Record<string, string>, port: number, name = 'api'): Promise<BenchProcess> {
    // BENCH_API_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=.data/profiles") profiles the API processes of a run.
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const args = [...startScriptNodeFlags('start:api'), ...nodeArgs, 'dist/src/main.js', '--role', 'api'];
    const api = BenchProcess.start(name, args, { ...env, PORT: String(port) });
    await api.waitForHttp(`http://127.0.0.1:${port}/health/ready`, 120_000);
    return api;
  }

  /** `node <flags> dist/src/worker.js`, ready when it logs "Worker started." (needs LOG_LEVEL info). */
  static async worker(env: Record<string, string>, name = 'worker'): Promise<BenchProcess> {
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=.data/profiles") profiles the worker of a run.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const args = [...startScriptNodeFlags('start:worker'), ...nodeArgs, 'dist/src/worker.js'];
    const worker = BenchProcess.start(name, args, { ...env, LOG_LEVEL: 'info' });
    await worker.waitForLog('Worker started.', 120_000);
    return worker;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  output(): string {
    return readFileSync(this.logFile, 'utf8');
  }

  async waitForLog(text: string, timeoutMs: number): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !this.output().includes(text); await sleep(100)) {
      if (!this.running || Date.now() > deadline) {
        await this.kill();
        throw new Error(`${this.name} did not start (see ${this.logFile}):\n${this.output().slice(-3000)}`);
      }
    }
  }

  async waitForHttp(url: string, timeoutMs: number): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; ; await sleep(50)) {
      try {
        if ((await fetch(url)).status === 200) return;
      } catch {
        // not listening yet
      }
      if (!this.running || Date.now() > deadline) {
        await this.kill();
        throw new Error(`${this.name} did not become ready (see ${this.logFile}):\n${this.output().slice(-3000)}`);
      }
    }
  }

  /** Peak resident set size so far (VmHWM), in MiB; also covers children for a process group leader only. */
  peakRssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : NaN;
  }

  /** SIGTERM to the whole process group (npm start's children too), SIGKILL after 20 s. */
  async stop(): Promise<number | null> {
    if (this.running) process.kill(-this.pid, 'SIGTERM');
    const timer = setTimeout(() => this.groupAlive() && process.kill(-this.pid, 'SIGKILL'), 20_000);
    const code = await this.exited;
    // npm start's children (node, the embedded PostgreSQL) outlive npm by a moment: wait for the whole group.
    for (let waited = 0; this.groupAlive(); waited += 100) {
      if (waited > 20_000) process.kill(-this.pid, 'SIGKILL');
      await sleep(100);
    }
    clearTimeout(timer);
    return code;
  }

  groupAlive(): boolean {
    try {
      process.kill(-this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  async kill(): Promise<void> {
    if (this.groupAlive()) process.kill(-this.pid, 'SIGKILL');
    await this.exited;
  }
}

/** A free TCP port on 127.0.0.1 (asks the kernel, then releases it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
