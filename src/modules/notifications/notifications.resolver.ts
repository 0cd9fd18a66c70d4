import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Clock } from '@app/kernel/clock';

import {
  MarkNotificationsReadInput,
  MarkNotificationsReadResult,
  MyNotificationsArgs,
  NotificationConnection,
  NotificationPreference,
  UpdateNotificationPreferencesInput,
} from './dto/notification.dto';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationEntity)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly clock: Clock,
  ) {}

  @Authenticated()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first, with the unread count.' })
  myNotifications(@CurrentActor() actor: Actor, @Args() args: MyNotificationsArgs) {
    return this.service.listMine(actor, args);
  }

  @Authenticated()
  @Query(() => [NotificationPreference], { description: 'Your notification settings, one per kind.' })
  myNotificationPreferences(@CurrentActor() actor: Actor) {
    return this.service.preferences(actor.userId);
  }

  @Authenticated()
  @Mutation(() => MarkNotificationsReadResult, { description: 'Marks some or all of your notifications read.' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args('input') input: MarkNotificationsReadInput) {
    return this.service.markRead(actor, input, this.clock.now());
  }

  @Authenticated()
  @Mutation(() => [NotificationPreference], {
    description: 'Turns kinds of notification on or off per channel; escalations cannot be turned off.',
  })
  updateNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ) {
    return this.service.updatePreferences(actor, input);
  }

  @ResolveField(() => String, { description: 'The message in your language.' })
  message(@Parent() notification: NotificationEntity, @CurrentActor() actor: Actor): string {
    return this.service.render(notification, actor.locale, actor.timeZone).summary;
  }

  @ResolveField(() => String, { description: 'Where to open the record in Simpul.' })
  link(@Parent() notification: NotificationEntity): string {
    return this.service.link(notification);
  }
}
