import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { Role } from '@app/kernel/role.enum';
import { CASE_PARTICIPANT_STAFF } from '@app/auth/access.service';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { VictimEntity } from '@app/modules/victims/victim.entity';
import { VictimsService } from '@app/modules/victims/victims.service';
import { availableActions } from '@app/workflow/lifecycle';

import {
  CompleteReferralInput,
  ProposeReferralInput,
  ReferralActionInput,
  ReferralReasonInput,
  ReferralsArgs,
  RerouteReferralInput,
} from './dto/referral.inputs';
import { ReferralEvent, toReferralEvent } from './dto/referral-event.dto';
import { ProposeReferralsForGroupInput, ReferralGroupProposal } from './dto/referral-group.inputs';
import { referralReference } from './referral.constants';
import { ReferralResponsePolicyEntity } from './referral-response-policy.entity';
import { ReferralEntity } from './referral.entity';
import { ReferralAction } from './referral.enums';
import { ReferralKind } from './referral.kind';
import { ReferralsService } from './referrals.service';

@ObjectType()
export class ReferralConnection extends ConnectionType(ReferralEntity, 'Referral') {}

/**
 * Who works with referrals: the referring agency's officers (the owner's or a case participant's, attachés
 * included), the provider's staff, and secretariats reading.
 */
const SENDERS = [Role.CASE_OFFICER, Role.LIAISON, Role.SUPERVISOR] as const;
const PROPOSERS = [...CASE_PARTICIPANT_STAFF] as const;
const PROVIDERS = [...SENDERS, Role.PARTNER] as const;
const READERS = [...PROVIDERS, Role.ATTACHE, Role.SECRETARIAT] as const;

@Resolver(() => ReferralEntity)
export class ReferralsResolver {
  constructor(
    private readonly service: ReferralsService,
    private readonly victims: VictimsService,
    private readonly kind: ReferralKind,
  ) {}

  @Allow(...READERS)
  @Query(() => ReferralEntity, { description: 'One referral you may see (others answer NOT_FOUND).' })
  referral(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.referral(actor, id);
  }

  @Allow(...READERS)
  @Query(() => ReferralConnection, {
    description:
      'Referrals you may see; filter.queue gives the work lists (awaiting my agency’s answer: most pressing first).',
  })
  referrals(@CurrentActor() actor: Actor, @Args() args: ReferralsArgs) {
    return this.service.referrals(actor, args);
  }

  @Authenticated()
  @Query(() => [ReferralResponsePolicyEntity], { description: 'How long providers have to answer, per urgency.' })
  referralResponsePolicies() {
    return this.service.responsePolicies();
  }

  @Allow(...PROPOSERS)
  @Mutation(() => ReferralEntity, {
    description:
      'Refer a person your agency owns, or one of a case your agency takes part in, to a provider; consent for that provider must be in force.',
  })
  proposeReferral(@CurrentActor() actor: Actor, @Args('input') input: ProposeReferralInput) {
    return this.service.proposeReferral(actor, input);
  }

  @Allow(...PROPOSERS)
  @Mutation(() => ReferralGroupProposal, {
    description:
      'Refer a selection of people to one provider for one service at once. All or nothing, with every refused person named; idempotent on operationKey.',
  })
  proposeReferralsForGroup(@CurrentActor() actor: Actor, @Args('input') input: ProposeReferralsForGroupInput) {
    return this.service.proposeReferralsForGroup(actor, input);
  }

  @Allow(...PROVIDERS)
  @Mutation(() => ReferralEntity, { description: 'Accept a referral proposed to your agency.' })
  acceptReferral(@CurrentActor() actor: Actor, @Args('input') input: ReferralActionInput) {
    return this.service.acceptReferral(actor, input);
  }

  @Allow(...PROVIDERS)
  @Mutation(() => ReferralEntity, { description: 'Decline a referral proposed to your agency, with a reason.' })
  declineReferral(@CurrentActor() actor: Actor, @Args('input') input: ReferralReasonInput) {
    return this.service.declineReferral(actor, input);
  }

  @Allow(...PROPOSERS)
  @Mutation(() => ReferralEntity, { description: 'Withdraw a referral your agency made, with a reason.' })
  withdrawReferral(@CurrentActor() actor: Actor, @Args('input') input: ReferralReasonInput) {
    return this.service.withdrawReferral(actor, input);
  }

  @Allow(...PROVIDERS)
  @Mutation(() => ReferralEntity, { description: 'Record that the service has started.' })
  startReferralService(@CurrentActor() actor: Actor, @Args('input') input: ReferralActionInput) {
    return this.service.startReferralService(actor, input);
  }

  @Allow(...PROVIDERS)
  @Mutation(() => ReferralEntity, { description: 'Complete a referral with its outcome.' })
  completeReferral(@CurrentActor() actor: Actor, @Args('input') input: CompleteReferralInput) {
    return this.service.completeReferral(actor, input);
  }

  @Allow(...PROVIDERS)
  @Mutation(() => ReferralEntity, { description: 'Discontinue a service in progress, with a reason.' })
  discontinueReferral(@CurrentActor() actor: Actor, @Args('input') input: ReferralReasonInput) {
    return this.service.discontinueReferral(actor, input);
  }

  @Allow(...PROPOSERS)
  @Mutation(() => ReferralEntity, {
    description: 'Send a declined or expired referral to another provider; the new one points back to it.',
  })
  rerouteReferral(@CurrentActor() actor: Actor, @Args('input') input: RerouteReferralInput) {
    return this.service.rerouteReferral(actor, input);
  }

  @ResolveField(() => [ReferralAction], {
    description: 'The lifecycle actions you may take on the referral now (from its status and your side of it).',
  })
  availableActions(@CurrentActor() actor: Actor, @Parent() referral: ReferralEntity): ReferralAction[] {
    return availableActions(this.kind.lifecycle, referral.status, this.kind.sides(actor, referral));
  }

  @ResolveField(() => String, { description: 'Reference code, e.g. REF-000042.' })
  reference(@Parent() referral: ReferralEntity): string {
    return referralReference(referral);
  }

  @ResolveField(() => VictimEntity, {
    nullable: true,
    description: 'The person (their identity only where consent and the referral allow; see Victim.identity).',
  })
  victim(@CurrentActor() actor: Actor, @Parent() referral: ReferralEntity) {
    return this.victims.victim(actor, referral.victimId).catch(() => null);
  }

  @ResolveField(() => AgencyEntity, { description: 'The referring agency.' })
  fromAgency(@Parent() referral: ReferralEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(referral.fromAgencyId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The provider.' })
  recipientAgency(@Parent() referral: ReferralEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(referral.recipientAgencyId);
  }

  @ResolveField(() => [ReferralEvent], { description: 'Every step, oldest first.' })
  async history(@Parent() referral: ReferralEntity, @Context() ctx: GraphqlContext): Promise<ReferralEvent[]> {
    const rows = await ctx.loaders.byKey('referral-history', (ids) => this.service.historyOf(ids)).load(referral.id);
    return rows.map(toReferralEvent);
  }
}

/** The referrals of a case's people, on the case: those the reader may see, with their respond-by. */
@Resolver(() => CaseEntity)
export class CaseReferralsResolver {
  constructor(private readonly service: ReferralsService) {}

  @ResolveField(() => [ReferralEntity], {
    description: "Referrals of the case's people you may see, most pressing respond-by first.",
  })
  referrals(@CurrentActor() actor: Actor, @Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-referrals', (ids) => this.service.referralsOfCases(actor, ids)).load(kase.id);
  }
}
