import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_PASSWORD } from '@app/seeds/demo-users';
import { freePort } from '@libs/testing/free-port';
import { readTestRunState } from '@libs/testing/test-environment';

const ROOT = join(__dirname, '..');

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  // Up to three minutes: a first start creates a cluster, migrates and seeds, compiled on the fly by ts-node.
  for (let attempt = 0; attempt < 720; attempt++) {
    if (child.exitCode !== null) throw new Error(`Simpul exited early:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Simpul did not become ready:\n${output()}`);
}

/** What a newcomer's shell has, plus ports of the test's own, on the test run's Redis. */
async function zeroSetupEnv(): Promise<Record<string, string>> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    // No DATA_DIR: the default .data of the folder it runs from, as after a fresh clone.
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    PORT: String(await freePort()),
    REDIS_URL: readTestRunState().redisUrl,
    REDIS_PREFIX: `${readTestRunState().redisPrefix}-zero`,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    EMBEDDED_SMTP_PORT: String(await freePort()),
    EMBEDDED_MAIL_WEB_PORT: String(await freePort()),
    LOG_LEVEL: 'info',
  };
}

/** `src/main.ts` as `npm start` runs it (compiled on the fly), from `cwd`; its output collected as it comes. */
function startSimpul(cwd: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      '-r',
      require.resolve('tsconfig-paths/register'),
      join(ROOT, 'src', 'main.ts'),
    ],
    { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/**
 * `npm start` with nothing configured: the embedded PostgreSQL, migrations, reference and demo data,
 * the mail catcher, the API and the worker in one process; Ctrl-C stops it all. It runs from a checkout inside a
 * private folder (mode 0700, as `mktemp -d` makes it, or root's home): as root, PostgreSQL's own user cannot
 * enter it, and the start must still need no manual step.
 */
describe('zero-setup start', () => {
  const asRoot = process.getuid?.() === 0;
  const privateDir = mkdtempSync(join(tmpdir(), 'simpul-zero-setup-'));
  const checkout = join(privateDir, 'simpul');
  mkdirSync(checkout);
  let relocatedCluster: string | undefined;
  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    if (relocatedCluster) rmSync(relocatedCluster, { recursive: true, force: true });
  });

  it('serves the seeded directory to a demo liaison from a private folder and stops cleanly on SIGINT', async () => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    const env = await zeroSetupEnv();
    const port = Number(env.PORT);
    const { child, output } = startSimpul(checkout, env);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(`http://127.0.0.1:${port}/health/ready`, child, output);
      const cluster = /Embedded PostgreSQL ready on [^ ]+ \(data in ([^)]+)\)/.exec(output())?.[1];
      expect(cluster).toBeDefined();
      if (asRoot) {
        relocatedCluster = cluster;
        expect(output()).toContain(`cannot reach ${join(checkout, '.data', 'postgres')}`);
        expect(output()).toContain(`Its cluster is kept in ${cluster} instead`);
        expect(cluster?.startsWith(privateDir)).toBe(false);
        const folder = statSync(cluster as string);
        expect(folder.uid).toBe(Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()));
        expect(folder.mode & 0o777).toBe(0o700);
        expect(existsSync(join(checkout, '.data', 'postgres'))).toBe(false);
      } else {
        expect(cluster).toBe(join(checkout, '.data', 'postgres'));
      }

      const graphql = async (query: string, token?: string) => {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as { data: Record<string, never> | null; errors?: unknown[] };
      };
      const login = await graphql(
        `mutation { login(input: { email: "liaison.polri@demo.simpul.id", password: "${DEMO_PASSWORD}" }) { accessToken } }`,
      );
      const token = (login.data?.login as unknown as { accessToken: string }).accessToken;
      const agencies = await graphql('{ agencies(filter: { search: "KBRI" }) { totalCount } }', token);
      expect((agencies.data?.agencies as unknown as { totalCount: number }).totalCount).toBeGreaterThanOrEqual(2);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 300_000);

  it('stopped while still starting, stops the embedded PostgreSQL it started instead of leaving it running', async () => {
    const { child, output } = startSimpul(checkout, await zeroSetupEnv());
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let cluster: string | undefined;
    try {
      // The database is up; migrations, the API and the worker are still to come (seconds under ts-node).
      for (let waited = 0; !cluster && waited < 180_000; waited += 50) {
        if (child.exitCode !== null) throw new Error(`Simpul exited early:\n${output()}`);
        cluster = /Embedded PostgreSQL ready on [^ ]+ \(data in ([^)]+)\)/.exec(output())?.[1];
        if (!cluster) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(cluster).toBeDefined();
      if (asRoot) relocatedCluster = cluster;
      expect(output()).not.toContain('Worker started.');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output()).toContain('Received SIGTERM; stopping.');
    // PostgreSQL removes its lock file when it has shut down; one left running keeps it (and its port).
    expect(existsSync(join(cluster as string, 'postmaster.pid'))).toBe(false);
  }, 300_000);
});
