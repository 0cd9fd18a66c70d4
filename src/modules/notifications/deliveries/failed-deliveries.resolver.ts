import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Role } from '@app/kernel/role.enum';

import {
  FailedDeliveriesArgs,
  FailedDelivery,
  FailedDeliveryConnection,
  RetryFailedDeliveriesInput,
  RetryFailedDeliveriesResult,
} from './failed-delivery.dto';
import { FailedDeliveries } from './failed-deliveries.service';

@Resolver(() => FailedDelivery)
export class FailedDeliveriesResolver {
  constructor(private readonly service: FailedDeliveries) {}

  @Allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
  @Query(() => FailedDeliveryConnection, {
    description:
      'Emails and digests that did not go out (FAILED), newest failure first. Administrators see all; a secretariat sees the escalation emails to people of its units.',
  })
  failedDeliveries(@CurrentActor() actor: Actor, @Args() args: FailedDeliveriesArgs) {
    return this.service.list(actor, args);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => RetryFailedDeliveriesResult, {
    description: 'Sends failed deliveries again, each with a fresh retry span (administrators).',
  })
  retryFailedDeliveries(@CurrentActor() actor: Actor, @Args('input') input: RetryFailedDeliveriesInput) {
    return this.service.retry(actor, input);
  }
}
