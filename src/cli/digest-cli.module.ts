import { DynamicModule, Module } from '@nestjs/common';

import { CommonModule } from '@app/common/common.module';
import { AppConfig } from '@app/config/app-config';
import { ConfigModule } from '@app/config/config.module';
import { DatabaseModule } from '@app/persistence/database.module';
import { QueueModule } from '@app/queue/queue.module';

import { DigestJobsModule } from '@app/modules/digests/digest-jobs.module';

/** What `npm run digest:send` needs: the database, the queues (unused when sending directly), the digest jobs. */
@Module({})
export class DigestCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DigestCliModule,
      imports: [ConfigModule.forRoot(config), CommonModule.forRoot(), DatabaseModule, QueueModule, DigestJobsModule],
    };
  }
}
