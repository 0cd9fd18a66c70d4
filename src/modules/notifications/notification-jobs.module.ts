import { Module } from '@nestjs/common';

import { EmailDeliveryJob } from './email-delivery.job';
import { EmailQueue } from './email-queue';
import { EventDispatchJob } from './event-dispatch.job';
import { NotificationsModule } from './notifications.module';

/** Worker role only: turning events into notifications and sending their emails. */
@Module({
  imports: [NotificationsModule],
  providers: [EventDispatchJob, EmailQueue, EmailDeliveryJob],
  exports: [EmailQueue],
})
export class NotificationJobsModule {}
