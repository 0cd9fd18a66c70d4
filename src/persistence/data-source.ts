/**
 * Entry for the TypeORM CLI (`npm run migration:generate|run|revert`). It uses DATABASE_URL, or the
 * embedded development database that `npm start` runs when nothing is configured.
 */
import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source-options';
import { EMBEDDED_DATABASE_NAME, embeddedDatabaseUrl } from '@app/database/embedded-database-url';

const url = process.env.DATABASE_URL || embeddedDatabaseUrl(Number(process.env.EMBEDDED_POSTGRES_PORT) || 54329);

export default new DataSource(dataSourceOptions(url));
export { EMBEDDED_DATABASE_NAME };
