// Path aliases (@app/…) for code loaded outside Jest's module registry.
import 'tsconfig-paths/register';

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { Client } from 'pg';

import { runMigrations } from '../../src/persistence/migrate';
import { seedReferenceData } from '../../src/seeds/seed-reference-data';
import { withMigrationLock } from '../../src/persistence/migration-lock';
import { TestRunState } from './test-environment';

declare global {
  var __SIMPUL_STOP_EMBEDDED_PG__: (() => Promise<void>) | undefined;
}

/**
 * Once per `npm test`: a fresh database on the real PostgreSQL (DATABASE_URL, else an embedded server),
 * every migration applied, the reference data seeded; a Redis key prefix of its own.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await import('../../src/runtime/embedded-postgres');
    const embedded = await startEmbeddedPostgres({
      dataDir: join(__dirname, '..', '..', '.data', 'test-postgres'),
      port: Number(process.env.TEST_EMBEDDED_POSTGRES_PORT) || 54330,
      // Says where the cluster is, which is not .data/test-postgres when root runs from a private folder.
      log: (msg) => process.stderr.write(`[test setup] ${msg}\n`),
      relocatable: true,
    });
    globalThis.__SIMPUL_STOP_EMBEDDED_PG__ = embedded.stop;
    adminUrl = embedded.url;
  }
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const databaseName = `simpul_test_${runId}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();
  await runMigrations(databaseUrl);
  await withMigrationLock(databaseUrl, (dataSource) => seedReferenceData(dataSource));
  // A pristine copy nobody connects to: suites that run workers fork their own database from it.
  const templateAdmin = new Client({ connectionString: adminUrl });
  await templateAdmin.connect();
  await templateAdmin.query(`CREATE DATABASE ${databaseName}_template TEMPLATE ${databaseName}`);
  await templateAdmin.end();

  const state: TestRunState = {
    databaseUrl,
    adminUrl,
    databaseName,
    templateName: `${databaseName}_template`,
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: `simpul-test-${runId}`,
  };
  const stateFile = join(__dirname, '..', '..', '.data', `test-run-${runId}.json`);
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  process.env.SIMPUL_TEST_STATE_FILE = stateFile;
}
