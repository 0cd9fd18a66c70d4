import { DynamicModule, Module } from '@nestjs/common';

import { Clock } from './kernel/clock';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './persistence/database.module';
import { GraphqlSetupModule } from './graphql/graphql-setup.module';
import { HealthModule } from './health/health.module';
import { AgenciesModule } from './modules/agencies/agencies.module';
import { AuditModule } from './modules/audit/audit.module';
import { CalendarsModule } from './modules/calendars/calendars.module';
import { CasesModule } from './modules/cases/cases.module';
import { CrossBorderStatisticsModule } from './modules/cross-border/statistics/cross-border-statistics.module';
import { CrossBorderModule } from './modules/cross-border/cross-border.module';
import { DigestsModule } from './modules/digests/digests.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { EscalationsModule } from './modules/escalations/escalations.module';
import { LegalInstrumentsModule } from './modules/legal-instruments/legal-instruments.module';
import { ActivitiesModule } from './modules/activities/activities.module';
import { CoordinationFiguresModule } from './modules/coordination-figures/coordination-figures.module';
import { DataQualityModule } from './modules/data-quality/data-quality.module';
import { ExportsModule } from './modules/exports/exports.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { RepatriationModule } from './modules/repatriation/repatriation.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ObservabilityModule } from './observability/observability.module';
import { TaskForcesModule } from './modules/task-forces/task-forces.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { SuspectsModule } from './modules/suspects/suspects.module';
import { UsersModule } from './modules/users/users.module';
import { VictimsModule } from './modules/victims/victims.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { QueueModule } from './queue/queue.module';
import { WorkflowModule } from './workflow/workflow.module';
import { QueueBoardModule } from './queue/queue-board.module';

/** What tests replace: the clock. */
export interface ModuleOverrides {
  clock?: Clock;
}

/** The API role: GraphQL and health endpoints over PostgreSQL, producing jobs onto Redis. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: ModuleOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(overrides.clock),
        ObservabilityModule.forRoot('api'),
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
        EscalationsModule,
        WorkflowModule,
        TasksModule,
        CasesModule,
        VictimsModule,
        ReferralsModule,
        CrossBorderModule,
        SuspectsModule,
        DocumentsModule,
        DigestsModule,
        CrossBorderStatisticsModule,
        MeetingsModule,
        RepatriationModule,
        ActivitiesModule,
        CoordinationFiguresModule,
        StatisticsModule,
        ExportsModule,
        DataQualityModule,
        NotificationsModule,
        QueueBoardModule,
        HealthModule,
      ],
    };
  }
}
