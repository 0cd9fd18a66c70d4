import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Client } from 'pg';

import { Role } from '@app/kernel/role.enum';
import { multipartForm, pdfFile } from '@libs/testing/document-files';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TEST_PII_KEY, TEST_TOKEN_SECRET } from '@libs/testing/test-environment';

const ROOT = join(__dirname, '..');
const execFileAsync = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

const OPS_SCRIPTS = ['seed', 'seed:demo', 'pii:rotate', 'digest:send', 'migration:run', 'migration:revert'];

/**
 * The operator commands as an operator runs them: `npm run <command>` on the built output, with plain node, in a
 * shell without a terminal (as in a container or a CI log).
 */
describe('ops commands from the built output', () => {
  let env: IsolatedEnvironment;
  let dataDir: string;
  let base: Record<string, string>;

  beforeAll(async () => {
    // What the image ships: dist/, built the way the Dockerfile builds it.
    await execFileAsync('npm', ['run', '--silent', 'build'], { cwd: ROOT, env: process.env });
    env = await isolatedEnvironment();
    dataDir = mkdtempSync(join(tmpdir(), 'simpul-cli-'));
    base = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      TZ: 'UTC',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      ...env.env,
      AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET,
      PII_ENCRYPTION_KEY: TEST_PII_KEY,
    };
  }, 180_000);
  afterAll(async () => {
    await env?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const command = (script: string, args: string[]): string[] => ['run', '--silent', script, '--', ...args];
  const npm = async (script: string, args: string[] = [], extra: Record<string, string> = {}): Promise<Outcome> => {
    try {
      const { stdout, stderr } = await execFileAsync('npm', command(script, args), {
        cwd: ROOT,
        env: { ...base, ...extra },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('runs every ops script and both role scripts with plain node on dist/, without rebuilding', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of OPS_SCRIPTS) expect(scripts[name]).toBe(`node dist/src/cli/main.js ${name}`);
    expect(scripts['start:api']).toMatch(/^node (--\S+ )*dist\/src\/main\.js --role api$/);
    expect(scripts['start:worker']).toMatch(/^node (--\S+ )*dist\/src\/worker\.js$/);
    // The zero-setup command still builds first (the build script's own steps, without a nested npm), so
    // `npm ci && npm start` works on a fresh clone.
    expect(scripts.start).toMatch(/ && node (--\S+ )*dist\/src\/main\.js$/);
    expect(scripts.start.startsWith(`${scripts.build} && `)).toBe(true);
  });

  it('reverts the last migration with its down() and applies it again, under the migration lock', async () => {
    const database = new Client({ connectionString: env.databaseUrl });
    await database.connect();
    try {
      const applied = async () =>
        (await database.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY id')).rows.map(
          (r) => r.name,
        );
      const before = await applied();
      const last = before.at(-1)!;

      const reverted = await npm('migration:revert');
      expect(reverted).toMatchObject({ code: 0, stdout: `Migrations: reverted ${last}.\n` });
      expect(await applied()).toEqual(before.slice(0, -1));

      const run = await npm('migration:run');
      expect(run).toMatchObject({ code: 0, stdout: `Migrations: applied 1: ${last}.\n` });
      expect(await applied()).toEqual(before);
      expect((await npm('migration:run')).stdout).toBe('Migrations: the database is up to date.\n');
    } finally {
      await database.end();
    }
  }, 120_000);

  it('seeds idempotently and names a bad database URL without echoing it', async () => {
    // The revert above dropped the last migration's tables and with them what the seed keeps there (the historical
    // meetings and activities): the first run puts that back, the second finds nothing missing.
    expect((await npm('seed')).code).toBe(0);
    const seed = await npm('seed');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/^Reference data: 0 new rows/);
    const bad = await npm('migration:run', [], { DATABASE_URL: 'mysql://admin:hunter2@db/simpul' });
    expect(bad.code).toBe(78);
    expect(bad.stderr).toBe('migration:run failed: DATABASE_URL must be a postgres:// or postgresql:// URL.\n');
    const demo = await npm('seed:demo', [], { NODE_ENV: 'production' });
    expect(demo.code).toBe(64);
    expect(demo.stderr).toContain('refuses NODE_ENV=production');
  }, 120_000);

  it('sends a week of digests with progress on stderr and the summary on stdout', async () => {
    const sink = await SmtpSink.start();
    const app = await TestApp.start(env.env);
    try {
      const factories = new Factories(app);
      const emails: string[] = [];
      for (let i = 0; i < 3; i++) emails.push((await factories.user([Role.LIAISON])).email);
      const sent = await npm('digest:send', ['--week', '2027-W03'], { SMTP_URL: sink.url });
      expect(sent.code).toBe(0);
      expect(sent.stdout).toBe('Digests for 2027-W03: 3 sent, 0 skipped, 0 failed (will be retried).\n');
      // Not a terminal: plain lines (no carriage returns), ending with the count and the time taken.
      expect(sent.stderr).toMatch(/^digest:send 2027-W03: 3\/3 \(100%\) in \d+s$/m);
      expect(sent.stderr).not.toContain('\r');
      for (const address of emails) expect(sink.to(address)).toHaveLength(1);

      const missing = await npm('digest:send', [], { SMTP_URL: sink.url });
      expect(missing).toMatchObject({ code: 64, stderr: 'digest:send failed: Give the week as --week 2026-W48.\n' });
    } finally {
      await app.stop();
      await sink.stop();
    }
  }, 120_000);

  it('pii:rotate waits for a record another transaction holds, and calls the old key removable only when none is left', async () => {
    const app = await TestApp.start(env.env);
    const holder = new Client({ connectionString: env.databaseUrl });
    let rotation: ChildProcess | undefined;
    try {
      const officer = await new Factories(app).user([Role.CASE_OFFICER], {
        agencyId: (await app.dataSource.query(`SELECT id FROM agency WHERE code = 'POLRI'`))[0].id,
      });
      const token = await app.login(officer.email, TEST_PASSWORD);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const registered = await app.gql<{ registerVictim: { id: string } }>(
          'mutation ($input: RegisterVictimInput!) { registerVictim(input: $input) { id } }',
          {
            input: {
              identity: {
                fullName: `Dewi Lestari ${i} ${randomBytes(3).toString('hex')}`,
                dateOfBirth: `199${i}-02-03`,
                passportNumber: `C${randomBytes(4).toString('hex').toUpperCase()}`,
              },
              sex: 'FEMALE',
              ageBand: 'ADULT_25_34',
              nationality: 'ID',
              originRegion: '32.12',
            },
          },
          token,
        );
        expect(registered.errors).toBeUndefined();
        ids.push(registered.data!.registerVictim.id);
      }
      // And a document on one of them: the same command re-seals documents too.
      const form = multipartForm(
        { parentKind: 'VICTIM', parentId: ids[0], kind: 'TRAVEL_DOCUMENT' },
        { name: 'paspor.pdf', content: pdfFile() },
      );
      const uploaded = await app.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${token}`, 'content-type': form.contentType },
        payload: form.payload,
      });
      expect(uploaded.statusCode).toBe(201);
      const rotating = { PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'), PII_PREVIOUS_KEYS: TEST_PII_KEY };

      // An officer's transaction holds one record (an edit in progress) while the rotation runs.
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM victim WHERE id = $1 FOR UPDATE', [ids[1]]);

      const partial = await npm('pii:rotate', ['--lock-timeout', '1', '--batch-size', '2'], rotating);
      expect(partial.code).toBe(75);
      expect(partial.stdout).toMatch(/: 2 records re-sealed, 0 already current, 1 still under an earlier key\.\n/);
      expect(partial.stdout).toContain('Documents: 1 re-sealed, 0 already current, 0 still under an earlier key.');
      expect(partial.stdout).not.toMatch(/remove PII_PREVIOUS_KEYS/);
      expect(partial.stderr).toContain('1 record(s) are still sealed with an earlier key');
      expect(partial.stderr).toContain('Keep PII_PREVIOUS_KEYS and run npm run pii:rotate again.');
      expect(partial.stderr).toMatch(/^pii:rotate: 2\/3 \(66%\) in \d+s$/m);

      // Run again: it waits for the held record instead of skipping it, and finishes once the officer commits.
      let output = '';
      rotation = spawn('npm', command('pii:rotate', ['--lock-timeout', '60']), {
        cwd: ROOT,
        env: { ...base, ...rotating },
      });
      rotation.stdout?.on('data', (chunk) => (output += chunk));
      rotation.stderr?.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => rotation!.once('exit', resolve));
      // Asked on another connection: inside the holder's transaction pg_stat_activity is a snapshot that never moves.
      await eventually(async () => {
        const [{ n }] = await app.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%FOR UPDATE%'`,
        );
        expect(n).toBe(1);
      }, 60_000);
      await holder.query('COMMIT');
      expect(await exited).toBe(0);
      expect(output).toMatch(/: 1 records re-sealed, 2 already current, 0 still under an earlier key\.\n/);
      expect(output).toContain('Every record now uses the current key: remove PII_PREVIOUS_KEYS');
      expect(output).toContain('Documents: 0 re-sealed, 1 already current, 0 still under an earlier key.');
      const keyId = /Identity key (\w+):/.exec(output)![1];
      const [{ stale }] = await app.dataSource.query(
        `SELECT count(*)::int AS stale FROM victim WHERE identity_sealed NOT LIKE $1`,
        [`v1.${keyId}.%`],
      );
      expect(stale).toBe(0);
    } finally {
      if (rotation?.exitCode === null) rotation.kill('SIGKILL');
      await holder.end().catch(() => undefined);
      await app.stop();
    }
  }, 180_000);
});
