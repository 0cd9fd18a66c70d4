/**
 * `npm run pii:rotate`: re-seal every victim identity with the current key (PII_ENCRYPTION_KEY) and
 * recompute the blind indexes. Keep the old key in PII_PREVIOUS_KEYS until this has run, then remove it.
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { ConfigError } from '@app/config/config.error';
import { loadConfig } from '@app/config/load-config';
import { embeddedDatabaseUrl } from '@app/database/embedded-database-url';
import { withMigrationLock } from '@app/persistence/migration-lock';
import { rotateIdentityKeys } from '@app/modules/victims/rotate-identity-keys';
import { loadOrCreateDevSecrets } from '@app/runtime/dev-secrets';

async function main(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  const config = loadConfig(
    process.env,
    production ? undefined : loadOrCreateDevSecrets(process.env.DATA_DIR || '.data'),
  );
  const url = config.databaseUrl || embeddedDatabaseUrl(config.embedded.postgresPort);
  const result = await withMigrationLock(url, async (dataSource: DataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    return rotateIdentityKeys(dataSource, config);
  });
  console.log(`Identity key ${result.keyId}: ${result.rotated} records re-sealed, ${result.current} already current.`);
  if (config.piiPreviousKeys.length > 0) {
    console.log('Every record now uses the current key: remove PII_PREVIOUS_KEYS from the configuration.');
  }
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`Key rotation failed: ${message}`);
  process.exit(1);
});
