/** `npm run seed`: load the reference data into DATABASE_URL (or the embedded dev database). Idempotent. */
import 'reflect-metadata';

import { DataSource } from 'typeorm';
import { embeddedDatabaseUrl } from '@app/database/embedded-database-url';
import { withMigrationLock } from '@app/persistence/migration-lock';
import { seedReferenceData } from '@app/seeds/seed-reference-data';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || embeddedDatabaseUrl(Number(process.env.EMBEDDED_POSTGRES_PORT) || 54329);
  const result = await withMigrationLock(url, async (dataSource: DataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    return seedReferenceData(dataSource);
  });
  console.log(`Reference data: ${result.inserted} new rows (${result.summary}).`);
}

main().catch((error) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
