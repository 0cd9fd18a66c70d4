import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { Role } from '@app/kernel/role.enum';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { availableActions } from '@app/workflow/lifecycle';

import {
  AddRepatriationPeopleInput,
  CreateRepatriationOperationInput,
  MarkOperationDepartedInput,
  MoveRepatriationPersonInput,
  RecordArrivalInput,
  RepatriationOperationsArgs,
} from './dto/repatriation.inputs';
import { RepatriationEvent, RepatriationOperationConnection, TravelReadiness } from './dto/repatriation.outputs';
import { OperationKind } from './operation.kind';
import { OperationPersonEntity } from './operation-person.entity';
import { ReintegrationPlanEntity } from './reintegration-plan.entity';
import { OPERATION_ITEM_TYPE, operationReference } from './repatriation.constants';
import { OperationAction } from './repatriation.enums';
import { RepatriationMilestoneEntity } from './repatriation-milestone.entity';
import { RepatriationOperationEntity } from './repatriation-operation.entity';
import { RepatriationService } from './repatriation.service';

/** Who reads operations (record-level visibility decides what each sees). */
export const REPATRIATION_READERS = [
  Role.LIAISON,
  Role.SUPERVISOR,
  Role.CASE_OFFICER,
  Role.ATTACHE,
  Role.SECRETARIAT,
] as const;
/** Who records operations, milestones and follow-ups for their agency. */
export const REPATRIATION_WRITERS = [Role.LIAISON, Role.CASE_OFFICER, Role.ATTACHE] as const;

@Resolver(() => RepatriationOperationEntity)
export class RepatriationResolver {
  constructor(
    private readonly service: RepatriationService,
    private readonly kind: OperationKind,
  ) {}

  @Allow(...REPATRIATION_READERS)
  @Query(() => RepatriationOperationEntity, { description: 'One operation you may see (others answer NOT_FOUND).' })
  repatriationOperation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.operation(actor, id);
  }

  @Allow(...REPATRIATION_READERS)
  @Query(() => RepatriationOperationConnection, { description: 'Operations you may see, newest first.' })
  repatriationOperations(@CurrentActor() actor: Actor, @Args() args: RepatriationOperationsArgs) {
    return this.service.operations(actor, args);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationOperationEntity, {
    description:
      'Plan an operation for your agency (either side): its people, dates and the milestone plan from policy.',
  })
  createRepatriationOperation(@CurrentActor() actor: Actor, @Args('input') input: CreateRepatriationOperationInput) {
    return this.service.createOperation(actor, input);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationOperationEntity, {
    description: 'The group left: refused while a person on it is not ready (move them to a later operation).',
  })
  markOperationDeparted(@CurrentActor() actor: Actor, @Args('input') input: MarkOperationDepartedInput) {
    return this.service.markDeparted(actor, input);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationOperationEntity, {
    description: 'The group arrived: each person is handed to their home region, with a plan and follow-ups.',
  })
  recordArrival(@CurrentActor() actor: Actor, @Args('input') input: RecordArrivalInput) {
    return this.service.recordArrival(actor, input);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationOperationEntity, { description: 'People join a planned operation.' })
  addRepatriationPeople(@CurrentActor() actor: Actor, @Args('input') input: AddRepatriationPeopleInput) {
    return this.service.addPeople(actor, input);
  }

  @Allow(...REPATRIATION_WRITERS)
  @Mutation(() => RepatriationOperationEntity, {
    description: 'A person leaves a planned operation, to another planned one or none; the history keeps both.',
  })
  moveRepatriationPerson(@CurrentActor() actor: Actor, @Args('input') input: MoveRepatriationPersonInput) {
    return this.service.movePerson(actor, input);
  }

  @ResolveField(() => String, { description: 'Human reference, e.g. RPT-000001.' })
  reference(@Parent() operation: RepatriationOperationEntity) {
    return operationReference(operation);
  }

  @ResolveField(() => [OperationAction], { description: 'The steps you may take on the operation now.' })
  availableActions(@CurrentActor() actor: Actor, @Parent() operation: RepatriationOperationEntity) {
    return availableActions(this.kind.lifecycle, operation.status, this.kind.sides(actor, operation));
  }

  @ResolveField(() => AgencyEntity, { description: 'The departure-side agency.' })
  sendingAgency(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(operation.sendingAgencyId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The receiving agency.' })
  receivingAgency(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(operation.receivingAgencyId);
  }

  @ResolveField(() => [RepatriationMilestoneEntity], { description: 'The milestone plan, in order.' })
  milestones(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('repatriation-milestones', (ids) => this.service.milestonesOf(ids)).load(operation.id);
  }

  @ResolveField(() => [OperationPersonEntity], { description: 'Everyone who was on the operation, by code.' })
  people(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('repatriation-people', (ids) => this.service.peopleOf(ids)).load(operation.id);
  }

  @ResolveField(() => Int, {
    description:
      'How many people travel (or travelled) on it: those on it now or who arrived with it; for history loaded from the sources, the number they give.',
  })
  async headcount(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    const people = await ctx.loaders
      .byKey('repatriation-people', (ids) => this.service.peopleOf(ids))
      .load(operation.id);
    const counted = people.filter((person) => person.onboard || person.arrived).length;
    return counted > 0 ? counted : (operation.recordedHeadcount ?? 0);
  }

  @ResolveField(() => [TravelReadiness], { description: 'For each person on it now: done and blocking steps.' })
  readiness(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byKey('repatriation-readiness', (ids) => this.service.readiness(ids)).load(operation.id);
  }

  @ResolveField(() => [ReintegrationPlanEntity], { description: 'The plans of its people that you may see.' })
  reintegrationPlans(@CurrentActor() actor: Actor, @Parent() operation: RepatriationOperationEntity) {
    return this.service.plans(actor, { operationId: operation.id });
  }

  @ResolveField(() => [RepatriationEvent], { description: 'Every change, oldest first.' })
  history(@Parent() operation: RepatriationOperationEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .byKey('repatriation-history', (ids) => this.service.historyOf(OPERATION_ITEM_TYPE, ids))
      .load(operation.id);
  }
}
