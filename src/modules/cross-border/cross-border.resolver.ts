import { Args, Context, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { Role } from '@app/kernel/role.enum';
import { VictimIdentityView } from '@app/modules/victims/dto/victim.inputs';
import { availableActions } from '@app/workflow/lifecycle';

import { CrossBorderDeadlinePolicyEntity } from './cross-border-deadline-policy.entity';
import { CrossBorderRequestEvent, toCrossBorderRequestEvent } from './dto/cross-border-event.dto';
import { requestReference } from './cross-border.constants';
import { CrossBorderRequestEntity } from './cross-border-request.entity';
import { CrossBorderService } from './cross-border.service';
import { CrossBorderKind } from './cross-border.kind';
import { RequestAction } from './cross-border.enums';
import {
  AcknowledgeRequestInput,
  AnswerRequestInput,
  CrossBorderRequestsArgs,
  DraftCrossBorderRequestInput,
  ExtendDeadlineInput,
  PauseClockInput,
  RecordCounterpartReplyInput,
  RequestActionInput,
  RequestReasonInput,
} from './dto/cross-border.inputs';

@ObjectType('CrossBorderVictim', { description: 'A person a request concerns.' })
export class CrossBorderVictim {
  @Field(() => String, { description: 'Pseudonymous code.' })
  code: string;

  @Field(() => VictimIdentityView, {
    nullable: true,
    description:
      "Identity: for the home side's entitled officers, and for the counterpart only with consent in force for it and for this request's purpose. Every read is audited.",
  })
  identity: VictimIdentityView | null;
}

@ObjectType()
export class CrossBorderRequestConnection extends ConnectionType(CrossBorderRequestEntity, 'CrossBorderRequest') {}

/** The Indonesian side works requests; counterparts see and answer only those addressed to their agency. */
const HOME = [Role.ATTACHE, Role.LIAISON, Role.CASE_OFFICER, Role.SUPERVISOR] as const;
const BOTH = [...HOME, Role.COUNTERPART] as const;
const READERS = [...BOTH, Role.SECRETARIAT] as const;

@Resolver(() => CrossBorderRequestEntity)
export class CrossBorderResolver {
  constructor(
    private readonly service: CrossBorderService,
    private readonly kind: CrossBorderKind,
  ) {}

  @Allow(...READERS)
  @Query(() => CrossBorderRequestEntity, { description: 'One request you may see (others answer NOT_FOUND).' })
  crossBorderRequest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.crossBorderRequest(actor, id);
  }

  @Allow(...READERS)
  @Query(() => CrossBorderRequestConnection, {
    description:
      'Requests you may see, newest first; filter by country, counterpart, status, overdue stage, channel or queue.',
  })
  crossBorderRequests(@CurrentActor() actor: Actor, @Args() args: CrossBorderRequestsArgs) {
    return this.service.crossBorderRequests(actor, args);
  }

  @Authenticated()
  @Query(() => [CrossBorderDeadlinePolicyEntity], { description: 'Time allowed per stage and urgency.' })
  crossBorderDeadlinePolicies() {
    return this.service.deadlinePolicies();
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Draft a request (on behalf of a home agency).' })
  draftCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: DraftCrossBorderRequestInput) {
    return this.service.draftCrossBorderRequest(actor, input);
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, {
    description:
      'Submit a draft: the staged deadlines start. Formal MLA drafts go to a supervisor of the home agency first, whose submit approves them.',
  })
  submitCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: RequestActionInput) {
    return this.service.submitCrossBorderRequest(actor, input);
  }

  @Allow(...BOTH)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Acknowledge a request addressed to your agency.' })
  acknowledgeCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: AcknowledgeRequestInput) {
    return this.service.acknowledgeCrossBorderRequest(actor, input);
  }

  @Allow(...BOTH)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Accept a request addressed to your agency.' })
  acceptCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: RequestActionInput) {
    return this.service.acceptCrossBorderRequest(actor, input);
  }

  @Allow(...BOTH)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Answer an accepted request, in full or in part.' })
  answerCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: AnswerRequestInput) {
    return this.service.answerCrossBorderRequest(actor, input);
  }

  @Allow(...BOTH)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Refuse a request, with grounds.' })
  refuseCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: RequestReasonInput) {
    return this.service.refuseCrossBorderRequest(actor, input);
  }

  @Allow(...BOTH)
  @Mutation(() => CrossBorderRequestEntity, {
    description:
      'Move one stage’s date later, with a reason (an extension by the home side, a postponement by the counterpart).',
  })
  extendCrossBorderDeadline(@CurrentActor() actor: Actor, @Args('input') input: ExtendDeadlineInput) {
    return this.service.extendCrossBorderDeadline(actor, input);
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Stop the clock, with a reason (e.g. awaiting documents).' })
  pauseCrossBorderClock(@CurrentActor() actor: Actor, @Args('input') input: PauseClockInput) {
    return this.service.pauseCrossBorderClock(actor, input);
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Restart the clock; running dates move by the pause.' })
  resumeCrossBorderClock(@CurrentActor() actor: Actor, @Args('input') input: RequestActionInput) {
    return this.service.resumeCrossBorderClock(actor, input);
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, {
    description: 'Record what a counterpart without an account sent (letter, message, meeting); it counts as theirs.',
  })
  recordCounterpartReply(@CurrentActor() actor: Actor, @Args('input') input: RecordCounterpartReplyInput) {
    return this.service.recordCounterpartReply(actor, input);
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Withdraw a request, with a reason.' })
  withdrawCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: RequestReasonInput) {
    return this.service.withdrawCrossBorderRequest(actor, input);
  }

  @Allow(...HOME)
  @Mutation(() => CrossBorderRequestEntity, { description: 'Close an answered request.' })
  closeCrossBorderRequest(@CurrentActor() actor: Actor, @Args('input') input: RequestActionInput) {
    return this.service.closeCrossBorderRequest(actor, input);
  }

  @ResolveField(() => [RequestAction], {
    description:
      'The lifecycle actions you may take on the request now (from its status and your side of it); WITHDRAW among them means you work it for the home side.',
  })
  availableActions(@CurrentActor() actor: Actor, @Parent() request: CrossBorderRequestEntity): RequestAction[] {
    return availableActions(this.kind.lifecycle, request.status, this.kind.sides(actor, request));
  }

  @ResolveField(() => String, { description: 'Reference code, e.g. CBR-000042.' })
  reference(@Parent() request: CrossBorderRequestEntity): string {
    return requestReference(request);
  }

  @ResolveField(() => AgencyEntity, { description: 'The counterpart agency.' })
  counterpartAgency(@Parent() request: CrossBorderRequestEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(request.counterpartAgencyId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The home agency it is filed for.' })
  onBehalfOfAgency(@Parent() request: CrossBorderRequestEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(request.onBehalfOfAgencyId);
  }

  @ResolveField(() => [CrossBorderRequestEvent], { description: 'Every step, oldest first (old dates kept).' })
  async history(
    @Parent() request: CrossBorderRequestEntity,
    @Context() ctx: GraphqlContext,
  ): Promise<CrossBorderRequestEvent[]> {
    const rows = await ctx.loaders.byKey('cross-border-history', (ids) => this.service.historyOf(ids)).load(request.id);
    return rows.map(toCrossBorderRequestEvent);
  }

  @ResolveField(() => [ID], { description: 'Cases it concerns.' })
  caseIds(@Parent() request: CrossBorderRequestEntity) {
    return this.service.linkedCaseIds(request.id);
  }

  @ResolveField(() => [CrossBorderVictim], { description: 'People it concerns (identity only where consent allows).' })
  victims(@CurrentActor() actor: Actor, @Parent() request: CrossBorderRequestEntity) {
    return this.service.linkedVictims(actor, request);
  }

  @ResolveField(() => [String], { description: 'People it concerns, by pseudonymous code.' })
  victimCodes(@Parent() request: CrossBorderRequestEntity) {
    return this.service.linkedVictimCodes(request.id);
  }
}

/** Per instrument: each commitment's requests, next to its status, owner and last activity. */
@Resolver(() => AgreementCommitmentEntity)
export class CommitmentRequestsResolver {
  constructor(private readonly service: CrossBorderService) {}

  @ResolveField(() => [CrossBorderRequestEntity], {
    description: 'Cross-border requests under this commitment you may see.',
  })
  crossBorderRequests(@CurrentActor() actor: Actor, @Parent() commitment: AgreementCommitmentEntity) {
    return this.service.requestsForCommitment(actor, commitment.id);
  }
}

/** The cross-border requests concerning a case, on the case: those the reader may see, with their staged deadlines. */
@Resolver(() => CaseEntity)
export class CaseRequestsResolver {
  constructor(private readonly service: CrossBorderService) {}

  @ResolveField(() => [CrossBorderRequestEntity], {
    description: 'Cross-border requests concerning the case you may see, newest first.',
  })
  crossBorderRequests(@CurrentActor() actor: Actor, @Parent() kase: CaseEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('case-requests', (ids) => this.service.requestsOfCases(actor, ids)).load(kase.id);
  }
}
