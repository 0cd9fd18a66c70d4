import { Module, OnModuleInit } from '@nestjs/common';

import { EmailDeliverySource } from './deliveries/email-delivery-source';
import { FailedDeliveries } from './deliveries/failed-deliveries.service';
import { FailedDeliveriesResolver } from './deliveries/failed-deliveries.resolver';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { RecipientsService } from './recipients.service';

/** In-app notifications, preferences and rendering (API and worker); failed deliveries for administrators. */
@Module({
  providers: [
    NotificationsService,
    RecipientsService,
    NotificationsResolver,
    FailedDeliveries,
    FailedDeliveriesResolver,
    EmailDeliverySource,
  ],
  exports: [NotificationsService, RecipientsService, FailedDeliveries],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly failed: FailedDeliveries,
    private readonly emails: EmailDeliverySource,
  ) {}

  onModuleInit(): void {
    this.failed.register(this.emails);
  }
}
