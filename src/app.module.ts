import { DynamicModule, Module } from '@nestjs/common';

import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { GraphqlSetupModule } from './graphql/graphql-setup.module';
import { HealthModule } from './health/health.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { AuditModule } from './modules/audit/audit.module';
import { CalendarsModule } from './modules/calendars/calendars.module';
import { LegalInstrumentsModule } from './modules/legal-instruments/legal-instruments.module';
import { TaskForcesModule } from './modules/task-forces/task-forces.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { UsersModule } from './modules/users/users.module';
import { QueueModule } from './queue/queue.module';

/** The API role: GraphQL and health endpoints over PostgreSQL, producing jobs onto Redis. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        DatabaseModule,
        QueueModule,
        GraphqlSetupModule,
        AuditModule,
        AuthModule,
        AgenciesModule,
        TaskForcesModule,
        LegalInstrumentsModule,
        CalendarsModule,
        UsersModule,
        TasksModule,
        HealthModule,
      ],
    };
  }
}
