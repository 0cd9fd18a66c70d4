import { DynamicModule, Module } from '@nestjs/common';

import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { QueueModule } from './queue/queue.module';

/**
 * The worker role: BullMQ processors (notifications, escalations, digests, sweeps) run here and only here.
 * They arrive with their issues; the role already connects to PostgreSQL and Redis and stops cleanly.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), CommonModule, DatabaseModule, QueueModule, AuditModule],
    };
  }
}
