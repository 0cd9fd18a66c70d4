import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source-options';

/** Any constant: every replica takes the same advisory lock so only one migrates and seeds at a time. */
const MIGRATION_LOCK_KEY = 774_001;

/** Runs `work` on a dedicated connection while holding a PostgreSQL advisory lock. */
export async function withMigrationLock<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work(dataSource);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
