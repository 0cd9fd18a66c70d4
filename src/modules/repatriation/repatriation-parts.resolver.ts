import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { Clock } from '@app/kernel/clock';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { availableActions } from '@app/workflow/lifecycle';

import {
  AssessReintegrationNeedsInput,
  FollowUpContactsArgs,
  RecordFollowUpOutcomeInput,
  RecordMilestoneInput,
  WaiveMilestoneInput,
} from './dto/repatriation.inputs';
import { FollowUpContactConnection, RepatriationEvent } from './dto/repatriation.outputs';
import { FollowUpContactEntity } from './follow-up-contact.entity';
import { FollowUpKind } from './follow-up.kind';
import { MilestoneKind } from './milestone.kind';
import { OperationPersonEntity } from './operation-person.entity';
import { ReintegrationNeedEntity } from './reintegration-need.entity';
import { ReintegrationPlanEntity } from './reintegration-plan.entity';
import {
  FOLLOW_UP_ITEM_TYPE,
  followUpReference,
  MILESTONE_ITEM_TYPE,
  milestoneReference,
} from './repatriation.constants';
import { FollowUpAction, FollowUpStatus, MilestoneAction, MilestoneStatus } from './repatriation.enums';
import { REPATRIATION_READERS, REPATRIATION_WRITERS } from './repatriation.resolver';
import { RepatriationMilestoneEntity } from './repatriation-milestone.entity';
import { RepatriationService } from './repatriation.service';

/** The person's record when the reader may see it (its identity then follows the victims module's rules). */
async function visibleVictim(
  service: RepatriationService,
  actor: Actor,
  ctx: GraphqlContext,
  victimId: string,
): Promise<VictimEntity | null> {
  const [victim] = await ctx.loaders
    .byKey('repatriation-visible-victims', (ids) => service.visiblePeople(actor, ids))
    .load(victimId);
  return victim ?? null;
}

@Resolver(() => RepatriationMilestoneEntity)
export class MilestoneResolver {
  constructor(
    private readonly service: RepatriationService,
    private readonly kind: MilestoneKind,
    private readonly clock: Clock,
  ) {}

  @Allow(...REPATRIATION_READERS)
  @Query(() => RepatriationMilestoneEntity, {
    description: 'One milestone you may see (whoever sees its operation; others answer NOT_FOUND).',
  })
  repatriationMilestone(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.milestone(actor, id);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationMilestoneEntity, { description: 'A milestone done, with the day it happened.' })
  recordMilestone(@CurrentActor() actor: Actor, @Args('input') input: RecordMilestoneInput) {
    return this.service.recordMilestone(actor, input);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationMilestoneEntity, { description: 'A milestone not needed, with the reason.' })
  waiveMilestone(@CurrentActor() actor: Actor, @Args('input') input: WaiveMilestoneInput) {
    return this.service.waiveMilestone(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. RMS-000042.' })
  reference(@Parent() milestone: RepatriationMilestoneEntity) {
    return milestoneReference(milestone);
  }

  @ResolveField(() => Boolean, { description: 'Pending and past its due date.' })
  overdue(@Parent() milestone: RepatriationMilestoneEntity) {
    return milestone.status === MilestoneStatus.PENDING && milestone.dueAt.getTime() < this.clock.now().getTime();
  }

  @ResolveField(() => [MilestoneAction], { description: 'The steps you may take on it now.' })
  availableActions(@CurrentActor() actor: Actor, @Parent() milestone: RepatriationMilestoneEntity) {
    return availableActions(this.kind.lifecycle, milestone.status, this.kind.sides(actor, milestone));
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency that owes the step.' })
  ownerAgency(@Parent() milestone: RepatriationMilestoneEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(milestone.ownerAgencyId);
  }

  @ResolveField(() => [RepatriationEvent], { description: 'Every change and escalation, oldest first.' })
  history(@Parent() milestone: RepatriationMilestoneEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .byKey('milestone-history', (ids) => this.service.historyOf(MILESTONE_ITEM_TYPE, ids))
      .load(milestone.id);
  }
}

@Resolver(() => OperationPersonEntity)
export class OperationPersonResolver {
  constructor(private readonly service: RepatriationService) {}

  @ResolveField(() => VictimEntity, {
    nullable: true,
    description: "The person's record when you may see it (identity only where consent covers you); else empty.",
  })
  victim(@CurrentActor() actor: Actor, @Parent() person: OperationPersonEntity, @Context() ctx: GraphqlContext) {
    return visibleVictim(this.service, actor, ctx, person.victimId);
  }
}

@Resolver(() => ReintegrationPlanEntity)
export class ReintegrationPlanResolver {
  constructor(private readonly service: RepatriationService) {}

  @Allow(...REPATRIATION_READERS)
  @Query(() => ReintegrationPlanEntity, { description: 'One reintegration plan you may see.' })
  reintegrationPlan(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.plan(actor, id);
  }

  @Allow(...REPATRIATION_READERS)
  @Query(() => [ReintegrationPlanEntity], { description: "A person's reintegration plans that you may see." })
  reintegrationPlans(@CurrentActor() actor: Actor, @Args('victimId', { type: () => ID }) victimId: string) {
    return this.service.plans(actor, { victimId });
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => ReintegrationPlanEntity, { description: 'The needs of a plan as assessed now (replaces the list).' })
  assessReintegrationNeeds(@CurrentActor() actor: Actor, @Args('input') input: AssessReintegrationNeedsInput) {
    return this.service.assessNeeds(actor, input);
  }

  @ResolveField(() => [ReintegrationNeedEntity], { description: 'The needs assessed.' })
  needs(@Parent() plan: ReintegrationPlanEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('reintegration-needs', (ids) => this.service.needsOf(ids)).load(plan.id);
  }

  @ResolveField(() => [FollowUpContactEntity], { description: 'The follow-up contacts, in order.' })
  followUps(@Parent() plan: ReintegrationPlanEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('reintegration-follow-ups', (ids) => this.service.followUpsOf(ids)).load(plan.id);
  }

  @ResolveField(() => AgencyEntity, { description: "The home region's agency responsible for the plan." })
  responsibleAgency(@Parent() plan: ReintegrationPlanEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(plan.responsibleAgencyId);
  }

  @ResolveField(() => VictimEntity, { nullable: true, description: "The person's record when you may see it." })
  victim(@CurrentActor() actor: Actor, @Parent() plan: ReintegrationPlanEntity, @Context() ctx: GraphqlContext) {
    return visibleVictim(this.service, actor, ctx, plan.victimId);
  }
}

@Resolver(() => FollowUpContactEntity)
export class FollowUpResolver {
  constructor(
    private readonly service: RepatriationService,
    private readonly kind: FollowUpKind,
    private readonly clock: Clock,
  ) {}

  @Allow(...REPATRIATION_READERS)
  @Query(() => FollowUpContactEntity, { description: 'One follow-up contact you may see (others answer NOT_FOUND).' })
  followUpContact(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.followUp(actor, id);
  }

  @Allow(...REPATRIATION_READERS)
  @Query(() => FollowUpContactConnection, { description: 'Follow-up contacts you may see (filter by status).' })
  followUpContacts(@CurrentActor() actor: Actor, @Args() args: FollowUpContactsArgs) {
    return this.service.followUpContacts(actor, args, args.status);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => FollowUpContactEntity, {
    description: 'What a follow-up contact found; the outcome moves the protection track when it ends it.',
  })
  recordFollowUpOutcome(@CurrentActor() actor: Actor, @Args('input') input: RecordFollowUpOutcomeInput) {
    return this.service.recordFollowUpOutcome(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. FUC-000012.' })
  reference(@Parent() contact: FollowUpContactEntity) {
    return followUpReference(contact);
  }

  @ResolveField(() => Boolean, { description: 'Scheduled and past its due date.' })
  overdue(@Parent() contact: FollowUpContactEntity) {
    return contact.status === FollowUpStatus.SCHEDULED && contact.dueAt.getTime() < this.clock.now().getTime();
  }

  @ResolveField(() => [FollowUpAction], { description: 'The steps you may take on it now.' })
  availableActions(@CurrentActor() actor: Actor, @Parent() contact: FollowUpContactEntity) {
    return availableActions(this.kind.lifecycle, contact.status, this.kind.sides(actor, contact));
  }

  @ResolveField(() => [RepatriationEvent], { description: 'Every change and escalation, oldest first.' })
  history(@Parent() contact: FollowUpContactEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .byKey('follow-up-history', (ids) => this.service.historyOf(FOLLOW_UP_ITEM_TYPE, ids))
      .load(contact.id);
  }
}
