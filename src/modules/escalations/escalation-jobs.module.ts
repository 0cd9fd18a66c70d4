import { Module } from '@nestjs/common';

import { NotificationJobsModule } from '@app/modules/notifications/notification-jobs.module';
import { NotificationsModule } from '@app/modules/notifications/notifications.module';

import { CommitmentStallJob } from './commitment-stall.job';
import { RungFireJob } from './rung-fire.job';

/** Worker role only: firing rungs and detecting stalled commitments. */
@Module({
  imports: [NotificationsModule, NotificationJobsModule],
  providers: [RungFireJob, CommitmentStallJob],
})
export class EscalationJobsModule {}
