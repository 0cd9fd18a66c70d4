import { Module, OnModuleInit } from '@nestjs/common';

import { AuthModule } from '@app/auth/auth.module';
import { FailedDeliveries } from '@app/modules/notifications/deliveries/failed-deliveries.service';
import { NotificationsModule } from '@app/modules/notifications/notifications.module';

import { DigestContentModule } from './digest-content.module';
import { DigestDeliverySource } from './digest-delivery-source';
import { DigestsResolver } from './digests.resolver';
import { DigestsService } from './digests.service';

/** The weekly digest in the API: preview, per-week counts, subscriptions, and its runs among failed deliveries. */
@Module({
  imports: [AuthModule, DigestContentModule, NotificationsModule],
  providers: [DigestsService, DigestsResolver, DigestDeliverySource],
})
export class DigestsModule implements OnModuleInit {
  constructor(
    private readonly failed: FailedDeliveries,
    private readonly runs: DigestDeliverySource,
  ) {}

  onModuleInit(): void {
    this.failed.register(this.runs);
  }
}
