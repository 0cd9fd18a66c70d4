import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { freePort } from '@libs/testing/free-port';

import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded-postgres';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe(startEmbeddedPostgres.name, () => {
  let root: string;
  let dataDir: string;
  let handle: EmbeddedPostgresHandle | undefined;
  const log = () => undefined;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'simpul-pg-'));
    // As root, PostgreSQL runs as the "postgres" user, which must be able to walk into the folder.
    chmodSync(root, 0o755);
    dataDir = join(root, 'postgres');
  });
  afterEach(async () => {
    await handle?.stop();
    handle = undefined;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a cluster on first start and keeps its data across a restart', async () => {
    const port = await freePort();
    handle = await startEmbeddedPostgres({ dataDir, port, log });
    expect(handle.url).toBe(`postgres://postgres:simpul-local@127.0.0.1:${port}/simpul`);
    expect(await query(handle.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    expect(await query(handle.url, 'show server_encoding')).toEqual([{ server_encoding: 'UTF8' }]);
    await query(handle.url, 'create table kept (id int)');
    await handle.stop();

    handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    expect(await query(handle.url, "select to_regclass('public.kept') as kept")).toEqual([{ kept: 'kept' }]);
  });

  it('starts after a crash left a postmaster.pid whose pid now belongs to another process', async () => {
    const stranger = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dataDir, 'postmaster.pid'), `${stranger.pid}\n${dataDir}\n`);
      handle = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
      expect(await query(handle.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('names EMBEDDED_POSTGRES_PORT when its port is taken', async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, log })).rejects.toThrow(/EMBEDDED_POSTGRES_PORT/);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });
});
