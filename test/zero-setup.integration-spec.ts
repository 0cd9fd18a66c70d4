import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_PASSWORD } from '@app/database/seeds/demo-users';
import { freePort } from '@libs/testing/free-port';
import { readTestRunState } from '@libs/testing/test-environment';

const ROOT = join(__dirname, '..');

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
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

/**
 * `npm start` with nothing configured: the embedded PostgreSQL, migrations, reference and demo data,
 * the mail catcher, the API and the worker in one process; Ctrl-C stops it all.
 */
describe('zero-setup start', () => {
  // Under the project, not a 0700 temp dir: as root, PostgreSQL runs as its own user and must reach the folder.
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  const dataDir = mkdtempSync(join(ROOT, '.data', 'zero-setup-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the seeded directory to a demo liaison and stops cleanly on SIGINT', async () => {
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'UTC',
      DATA_DIR: dataDir,
      PORT: String(port),
      REDIS_URL: readTestRunState().redisUrl,
      REDIS_PREFIX: `${readTestRunState().redisPrefix}-zero`,
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
      EMBEDDED_SMTP_PORT: String(await freePort()),
      EMBEDDED_MAIL_WEB_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    };
    let output = '';
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/main.ts'],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(`http://127.0.0.1:${port}/health/ready`, child, () => output);
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
  }, 180_000);
});
