import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';

import { runMigrations } from '@app/persistence/migrate';
import { withMigrationLock } from '@app/persistence/migration-lock';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@app/runtime/embedded-postgres';
import { seedReferenceData } from '@app/seeds/seed-reference-data';

import { eventually } from './eventually';
import { freePort } from './free-port';

const ROOT = join(__dirname, '..', '..');

/**
 * A PostgreSQL server of the test's own (the embedded one `npm start` uses, on a port of its own), with a fresh
 * migrated and seeded database: a test may stop, restart or kill it, which it must never do to the shared server.
 */
export class OwnPostgres {
  private constructor(
    private handle: EmbeddedPostgresHandle,
    private readonly port: number,
    /** The test's database on it. */
    readonly url: string,
    private readonly adminUrl: string,
    private readonly name: string,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const port = await freePort();
    const handle = await OwnPostgres.boot(port);
    const name = `outages_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: handle.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(handle.url);
    url.pathname = `/${name}`;
    await runMigrations(url.toString());
    await withMigrationLock(url.toString(), (dataSource) => seedReferenceData(dataSource));
    return new OwnPostgres(handle, port, url.toString(), handle.url, name);
  }

  /** A fast shutdown (what `pg_ctl restart -m fast` does) and a start; resolves when it accepts connections. */
  async restartFast(): Promise<void> {
    await this.handle.stop();
    this.handle = await OwnPostgres.boot(this.port);
  }

  /** kill -9 of the postmaster, then a start (crash recovery); resolves when it accepts connections again. */
  async crashAndRestart(): Promise<void> {
    const pid = Number(readFileSync(join(this.handle.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await this.handle.stop();
    // Its backends notice the postmaster's death and leave; until they have, a new server refuses to start.
    let started: EmbeddedPostgresHandle | undefined;
    await eventually(async () => {
      started = await OwnPostgres.boot(this.port);
    }, 60_000);
    this.handle = started!;
  }

  async stop(): Promise<void> {
    await this.handle.stop();
  }

  async startAgain(): Promise<void> {
    this.handle = await OwnPostgres.boot(this.port);
  }

  /** Drops the test's database and stops the server (the cluster stays, for the next run). */
  async close(): Promise<void> {
    const admin = new Client({ connectionString: this.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
    await admin.end();
    await this.handle.stop();
  }

  private static boot(port: number): Promise<EmbeddedPostgresHandle> {
    return startEmbeddedPostgres({
      dataDir: join(ROOT, '.data', 'outages-postgres'),
      port,
      log: () => undefined,
      relocatable: true,
    });
  }
}
