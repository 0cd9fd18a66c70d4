import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { dataSourceOptions } from './data-source-options';

/** PostgreSQL through TypeORM; the URL is resolved before boot (configured, or the embedded server's). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl) throw new Error('DATABASE_URL must be resolved before the app module is built');
        return dataSourceOptions(config.databaseUrl);
      },
    }),
  ],
})
export class DatabaseModule {}
