import { Module } from '@nestjs/common';

import { EmailBatchSender } from './email-batch-sender';
import { EmailDeliveryJob } from './email-delivery.job';
import { EmailSender } from './email-sender';
import { EmailQueue } from './email-queue';
import { EventBatchDispatchJob } from './event-batch-dispatch.job';
import { EventDispatchJob } from './event-dispatch.job';
import { NotificationsModule } from './notifications.module';

/** Worker role only: turning events into notifications and sending their emails. */
@Module({
  imports: [NotificationsModule],
  providers: [EventDispatchJob, EventBatchDispatchJob, EmailQueue, EmailSender, EmailDeliveryJob, EmailBatchSender],
  exports: [EmailQueue],
})
export class NotificationJobsModule {}
