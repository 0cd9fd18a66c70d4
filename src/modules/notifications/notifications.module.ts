import { Module } from '@nestjs/common';

import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { RecipientsService } from './recipients.service';

/** In-app notifications, preferences and rendering (API and worker). */
@Module({
  providers: [NotificationsService, RecipientsService, NotificationsResolver],
  exports: [NotificationsService, RecipientsService],
})
export class NotificationsModule {}
