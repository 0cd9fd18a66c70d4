import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { readTestRunState, TEST_PII_KEY, TEST_TOKEN_SECRET } from './test-environment';

const ROOT = join(__dirname, '..', '..');

/**
 * The worker role as a separate process (`src/worker.ts`, exactly what `npm run start:worker` runs), for
 * tests that kill a worker or run two side by side.
 */
export class WorkerProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** `args`: what follows `npm run start:worker --`, e.g. `['--queues', 'email']`. */
  static async start(env: Record<string, string>, args: string[] = []): Promise<WorkerProcess> {
    const state = readTestRunState();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/worker.ts', ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          TZ: 'UTC',
          NODE_ENV: 'test',
          DATABASE_URL: state.databaseUrl,
          REDIS_URL: state.redisUrl,
          REDIS_PREFIX: state.redisPrefix,
          AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET,
          PII_ENCRYPTION_KEY: TEST_PII_KEY,
          LOG_LEVEL: 'info',
          // Its health and metrics listener on a port the system picks: several workers run side by side.
          WORKER_HTTP_PORT: '0',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const worker = new WorkerProcess(child);
    for (let waited = 0; !worker.output.includes('Worker started.'); waited += 100) {
      if (child.exitCode !== null || waited > 60_000) {
        child.kill('SIGKILL');
        throw new Error(`The worker process did not start:\n${worker.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return worker;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  /** Where its health and metrics listener answers (from its startup log line). */
  get httpUrl(): string {
    const match = /Worker health and metrics: (http:\/\/[^/\s"]+)\/health\/ready/.exec(this.output);
    if (!match) throw new Error(`The worker logged no health listener:\n${this.output}`);
    return match[1];
  }

  /** SIGKILL: no shutdown hooks, no goodbyes (a crash, an OOM kill, a pulled plug). */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the orderly stop an orchestrator sends; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
