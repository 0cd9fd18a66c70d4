import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the global setup leaves the per-run database URL and Redis prefix for the test workers: one file per
 * run (the setup names it in SIMPUL_TEST_STATE_FILE, which the workers inherit), so two runs on one machine
 * never read each other's state.
 */
export function testStateFile(): string {
  return process.env.SIMPUL_TEST_STATE_FILE ?? join(__dirname, '..', '..', '.data', 'test-run.json');
}

export interface TestRunState {
  databaseUrl: string;
  adminUrl: string;
  databaseName: string;
  /** Migrated and seeded, never connected to: `isolatedEnvironment()` copies it. */
  templateName: string;
  redisUrl: string;
  redisPrefix: string;
  embeddedPostgresPid?: number;
}

export function readTestRunState(): TestRunState {
  const file = testStateFile();
  if (!existsSync(file)) throw new Error('Integration tests need the global setup (run them through npm test).');
  return JSON.parse(readFileSync(file, 'utf8')) as TestRunState;
}

/** Fixed secrets for tests only. */
export const TEST_TOKEN_SECRET = 'test-only-token-secret-that-is-long-enough-0123456789';
export const TEST_PII_KEY = Buffer.alloc(32, 11).toString('base64');
