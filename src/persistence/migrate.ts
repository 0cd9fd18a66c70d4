import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source-options';
import { withMigrationLock } from './migration-lock';

/** Applies pending migrations (each in its own transaction) and returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  return withMigrationLock(url, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  });
}

/** SQL TypeORM would still generate for the entities after all migrations ran; empty when there is no drift. */
export async function pendingSchemaChanges(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((query) => query.query);
  } finally {
    await dataSource.destroy();
  }
}
