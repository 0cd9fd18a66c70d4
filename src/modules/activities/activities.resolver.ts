import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { Role } from '@app/kernel/role.enum';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { ActivitiesService } from './activities.service';
import { ACTIVITY_READERS, ACTIVITY_RECORDERS } from './activity-access';
import { activityReference } from './activity-events';
import { ActivityRevisionEntity } from './activity-revision.entity';
import { ActivityEntity } from './activity.entity';
import { ActivityParticipants, toParticipants } from './dto/activity-participants.dto';
import { ActivitiesArgs, CorrectActivityInput, RecordActivityInput } from './dto/activity.inputs';

@ObjectType()
export class ActivityConnection extends ConnectionType(ActivityEntity, 'Activity') {}

/** A record entered this long after the activity ended is marked as recorded late (history, not news). */
const LATE_AFTER_DAYS = 30;

@Resolver(() => ActivityEntity)
export class ActivitiesResolver {
  constructor(private readonly service: ActivitiesService) {}

  @Allow(...ACTIVITY_READERS, Role.COUNTERPART)
  @Query(() => ActivityEntity, { description: 'One activity you may see (others answer NOT_FOUND).' })
  activity(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(actor, id);
  }

  @Allow(...ACTIVITY_READERS, Role.COUNTERPART)
  @Query(() => ActivityConnection, { description: 'Activities you may see, the latest first.' })
  activities(@CurrentActor() actor: Actor, @Args() args: ActivitiesArgs) {
    return this.service.list(actor, args);
  }

  @Allow(...ACTIVITY_RECORDERS)
  @Mutation(() => ActivityEntity, { description: 'Record an activity your agency organised.' })
  recordActivity(@CurrentActor() actor: Actor, @Args('input') input: RecordActivityInput) {
    return this.service.recordActivity(actor, input);
  }

  @Allow(...ACTIVITY_RECORDERS)
  @Mutation(() => ActivityEntity, { description: 'Correct an activity your agency organised; kept in its history.' })
  correctActivity(@CurrentActor() actor: Actor, @Args('input') input: CorrectActivityInput) {
    return this.service.correctActivity(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. ACT-000012.' })
  reference(@Parent() activity: ActivityEntity) {
    return activityReference(activity);
  }

  @ResolveField(() => ActivityParticipants, {
    nullable: true,
    description: 'Who took part, by sex and by age band; empty when the number is not known.',
  })
  participants(@Parent() activity: ActivityEntity) {
    return toParticipants(activity);
  }

  @ResolveField(() => Boolean, {
    description: `Recorded more than ${LATE_AFTER_DAYS} days after it ended (entered as history).`,
  })
  recordedLate(@Parent() activity: ActivityEntity) {
    const ended = Date.parse(`${activity.endsOn}T23:59:59Z`);
    return activity.createdAt.getTime() - ended > LATE_AFTER_DAYS * 86_400_000;
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency that organised it.' })
  organiserAgency(@Parent() activity: ActivityEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(activity.organiserAgencyId);
  }

  @ResolveField(() => [AgencyEntity], { description: 'The supporting agencies.' })
  async supportingAgencies(@Parent() activity: ActivityEntity, @Context() ctx: GraphqlContext) {
    const agencies = await ctx.loaders.byId(AgencyEntity).loadMany(activity.supportingAgencyIds);
    return agencies.filter((agency): agency is AgencyEntity => !!agency && !(agency instanceof Error));
  }

  @ResolveField(() => [ActivityRevisionEntity], { description: 'Who recorded and corrected it, oldest first.' })
  history(@Parent() activity: ActivityEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('activity-history', (ids) => this.service.historyOf(ids)).load(activity.id);
  }
}
