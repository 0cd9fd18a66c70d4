import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Role } from '@app/kernel/role.enum';

import { DigestsService } from './digests.service';
import {
  DigestPreview,
  DigestPreviewArgs,
  DigestRunsArgs,
  DigestSubscription,
  DigestWeekSummary,
  UpdateDigestSubscriptionInput,
} from './dto/digest.dto';

@Resolver()
export class DigestsResolver {
  constructor(private readonly service: DigestsService) {}

  @Allow(Role.ADMINISTRATOR)
  @Query(() => DigestPreview, { description: 'The exact HTML and text a person’s digest would have (administrators).' })
  digestPreview(@Args() args: DigestPreviewArgs) {
    return this.service.preview(args.userId, args.week);
  }

  @Allow(Role.ADMINISTRATOR, Role.SECRETARIAT)
  @Query(() => [DigestWeekSummary], {
    description: 'Digests sent, skipped, failed and pending per week, newest first.',
  })
  digestRuns(@Args() args: DigestRunsArgs) {
    return this.service.runs(args.weeks);
  }

  @Authenticated()
  @Query(() => DigestSubscription, { description: 'Whether you receive the weekly digest.' })
  myDigestSubscription(@CurrentActor() actor: Actor) {
    return this.service.mySubscription(actor);
  }

  @Authenticated()
  @Mutation(() => DigestSubscription, {
    description: 'Turn your weekly digest on or off; administrators may switch a unit’s digests with unitId.',
  })
  updateDigestSubscription(@CurrentActor() actor: Actor, @Args('input') input: UpdateDigestSubscriptionInput) {
    return this.service.update(actor, input);
  }
}
