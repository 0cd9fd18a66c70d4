import { join } from 'node:path';

import { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from '@app/database/snake-naming.strategy';

/**
 * The one definition of how Simpul talks to PostgreSQL: used by the app, the TypeORM CLI, seeds and tests.
 * `synchronize` is off everywhere; the schema changes only through migrations.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    // Off: failed queries would be logged with their parameters, which may hold personal data.
    logging: false,
    extra: { max: 20, application_name: 'simpul' },
    ...extra,
  } as DataSourceOptions;
}
