import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { Role } from '@app/kernel/role.enum';

import {
  CreateMembershipInput,
  CreateTaskForceUnitInput,
  DeactivateTaskForceUnitInput,
  EndMembershipInput,
  MembershipsArgs,
  TaskForceUnitsArgs,
  UpdateTaskForceUnitInput,
} from './dto/task-force.inputs';
import { MembershipEntity } from './membership.entity';
import { TaskForceUnitEntity } from './task-force-unit.entity';
import { TaskForcesService } from './task-forces.service';

@ObjectType()
export class TaskForceUnitConnection extends ConnectionType(TaskForceUnitEntity, 'TaskForceUnit') {}

@ObjectType()
export class MembershipConnection extends ConnectionType(MembershipEntity, 'Membership') {}

@Resolver(() => TaskForceUnitEntity)
export class TaskForcesResolver {
  constructor(private readonly service: TaskForcesService) {}

  @Authenticated()
  @Query(() => TaskForceUnitConnection, { description: 'Task-force units, ordered by code.' })
  taskForceUnits(@Args() args: TaskForceUnitsArgs) {
    return this.service.listUnits(args);
  }

  @Authenticated()
  @Query(() => TaskForceUnitEntity, { description: 'One task-force unit by id.' })
  taskForceUnit(@Args('id', { type: () => ID }) id: string) {
    return this.service.findUnit(id);
  }

  @Authenticated()
  @Query(() => MembershipConnection, {
    description: 'Roles of agencies in units over time; filter by activeOn to ask who held a role on a day.',
  })
  memberships(@Args() args: MembershipsArgs) {
    return this.service.listMemberships(args);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => TaskForceUnitEntity, { description: 'Create a task-force unit (administrators).' })
  createTaskForceUnit(@CurrentActor() actor: Actor, @Args('input') input: CreateTaskForceUnitInput) {
    return this.service.createUnit(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => TaskForceUnitEntity, { description: 'Edit a task-force unit (administrators).' })
  updateTaskForceUnit(@CurrentActor() actor: Actor, @Args('input') input: UpdateTaskForceUnitInput) {
    return this.service.updateUnit(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => TaskForceUnitEntity, { description: 'Deactivate a task-force unit (administrators).' })
  deactivateTaskForceUnit(@CurrentActor() actor: Actor, @Args('input') input: DeactivateTaskForceUnitInput) {
    return this.service.deactivateUnit(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => MembershipEntity, { description: 'Give an agency a role in a unit (administrators).' })
  createMembership(@CurrentActor() actor: Actor, @Args('input') input: CreateMembershipInput) {
    return this.service.createMembership(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => MembershipEntity, { description: 'End a membership from a date (administrators).' })
  endMembership(@CurrentActor() actor: Actor, @Args('input') input: EndMembershipInput) {
    return this.service.endMembership(actor, input);
  }

  @ResolveField(() => TaskForceUnitEntity, { nullable: true, description: 'The unit above this one.' })
  parentUnit(@Parent() unit: TaskForceUnitEntity, @Context() ctx: GraphqlContext) {
    return unit.parentUnitId ? ctx.loaders.byId(TaskForceUnitEntity).load(unit.parentUnitId) : null;
  }

  @ResolveField('memberships', () => [MembershipEntity], {
    description: 'Agencies and their roles in this unit; only those in force on `activeOn` (YYYY-MM-DD) when given.',
  })
  unitMemberships(
    @Parent() unit: TaskForceUnitEntity,
    @Context() ctx: GraphqlContext,
    @Args('activeOn', { type: () => String, nullable: true }) activeOn?: string,
  ) {
    const day = this.service.parseDay(activeOn, 'activeOn');
    return ctx.loaders
      .byKey(`unit-memberships:${day ?? 'all'}`, (unitIds) => this.service.membershipsOfUnits(unitIds, day))
      .load(unit.id);
  }
}

@Resolver(() => MembershipEntity)
export class MembershipFieldsResolver {
  @ResolveField(() => TaskForceUnitEntity, { description: 'The unit.' })
  unit(@Parent() membership: MembershipEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(TaskForceUnitEntity).load(membership.unitId);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency holding the role.' })
  agency(@Parent() membership: MembershipEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(membership.agencyId);
  }
}
