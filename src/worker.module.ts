import { DynamicModule, Module } from '@nestjs/common';

import { ModuleOverrides } from './app.module';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './persistence/database.module';
import { HealthProbesModule } from './health/health-probes.module';
import { AuditModule } from './modules/audit/audit.module';
import { CrossBorderModule } from './modules/cross-border/cross-border.module';
import { DigestJobsModule } from './modules/digests/digest-jobs.module';
import { EscalationJobsModule } from './modules/escalations/escalation-jobs.module';
import { DataQualityJobsModule } from './modules/data-quality/data-quality-jobs.module';
import { ExportJobsModule } from './modules/exports/export-jobs.module';
import { EscalationsModule } from './modules/escalations/escalations.module';
import { NotificationJobsModule } from './modules/notifications/notification-jobs.module';
import { ObservabilityModule } from './observability/observability.module';
import { ReferralsModule } from './modules/referrals/referrals.module';
import { RepatriationModule } from './modules/repatriation/repatriation.module';
import { TasksModule } from './modules/tasks/tasks.module';
import { JobsModule } from './queue/jobs.module';
import { QueueModule } from './queue/queue.module';
import { WorkflowModule } from './workflow/workflow.module';

/**
 * The worker role: the outbox relay and every BullMQ processor (notifications, escalations, digests,
 * sweeps) run here and only here. Item modules are imported for their escalation subjects.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, overrides: ModuleOverrides = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule.forRoot(overrides.clock),
        ObservabilityModule.forRoot('worker'),
        DatabaseModule,
        QueueModule,
        HealthProbesModule,
        AuditModule,
        EscalationsModule,
        WorkflowModule,
        TasksModule,
        ReferralsModule,
        CrossBorderModule,
        RepatriationModule,
        DigestJobsModule,
        NotificationJobsModule,
        EscalationJobsModule,
        ExportJobsModule,
        DataQualityJobsModule,
        JobsModule,
      ],
    };
  }
}
