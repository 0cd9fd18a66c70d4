/** `npm run seed:demo`: create one demo user per role (local development only). */
import 'reflect-metadata';

import { embeddedDatabaseUrl } from '@app/database/embedded-database-url';
import { withMigrationLock } from '@app/persistence/migration-lock';
import { DEMO_PASSWORD, DEMO_USERS } from '@app/seeds/demo-users';
import { seedDemoUsers } from '@app/seeds/seed-demo-users';
import { seedReferenceData } from '@app/seeds/seed-reference-data';

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    console.error('seed:demo refuses to run with NODE_ENV=production: demo accounts have a published password.');
    process.exit(1);
  }
  const url = process.env.DATABASE_URL || embeddedDatabaseUrl(Number(process.env.EMBEDDED_POSTGRES_PORT) || 54329);
  const { created } = await withMigrationLock(url, async (dataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedReferenceData(dataSource);
    return seedDemoUsers(dataSource);
  });
  console.log(`Demo users: ${created} created. All use the password "${DEMO_PASSWORD}" (local use only):`);
  for (const user of DEMO_USERS) console.log(`  ${user.roles.join(', ').padEnd(14)} ${user.email}`);
}

main().catch((error) => {
  console.error(`seed:demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
