import { Module } from '@nestjs/common';

import { NotificationJobsModule } from '@app/modules/notifications/notification-jobs.module';
import { NotificationsModule } from '@app/modules/notifications/notifications.module';

import { CommitmentStallJob } from './commitment-stall.job';
import { DueRungBatch } from './due-rung-batch';
import { RungFireJob } from './rung-fire.job';
import { RungScheduler } from './rung-scheduler';
import { RungTargets } from './rung-targets';

/** Worker role only: firing due rungs (PostgreSQL as the scheduler) and detecting stalled commitments. */
@Module({
  imports: [NotificationsModule, NotificationJobsModule],
  providers: [DueRungBatch, RungTargets, RungScheduler, RungFireJob, CommitmentStallJob],
  exports: [RungScheduler],
})
export class EscalationJobsModule {}
