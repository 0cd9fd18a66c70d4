import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { Role } from '@app/kernel/role.enum';

import { AgenciesService } from './agencies.service';
import { AgencyEntity } from './agency.entity';
import { AgenciesArgs, CreateAgencyInput, DeactivateAgencyInput, UpdateAgencyInput } from './dto/agency.inputs';
import { ProvidersArgs } from './dto/provider.inputs';

@ObjectType()
export class AgencyConnection extends ConnectionType(AgencyEntity, 'Agency') {}

@Resolver(() => AgencyEntity)
export class AgenciesResolver {
  constructor(private readonly service: AgenciesService) {}

  @Authenticated()
  @Query(() => AgencyConnection, { description: 'The agency directory, ordered by code.' })
  agencies(@Args() args: AgenciesArgs) {
    return this.service.list(args);
  }

  @Authenticated()
  @Query(() => AgencyConnection, {
    description:
      'The provider directory: active agencies that deliver a service, optionally of one country and present in ' +
      'an Indonesian region, ordered by name in your language.',
  })
  providers(@CurrentActor() actor: Actor, @Args() args: ProvidersArgs) {
    return this.service.listProviders(actor, args);
  }

  @Authenticated()
  @Query(() => AgencyEntity, { description: 'One agency by id.' })
  agency(@Args('id', { type: () => ID }) id: string) {
    return this.service.findById(id);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => AgencyEntity, { description: 'Add an agency to the directory (administrators).' })
  createAgency(@CurrentActor() actor: Actor, @Args('input') input: CreateAgencyInput) {
    return this.service.createAgency(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => AgencyEntity, { description: 'Edit an agency (administrators).' })
  updateAgency(@CurrentActor() actor: Actor, @Args('input') input: UpdateAgencyInput) {
    return this.service.updateAgency(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => AgencyEntity, { description: 'Deactivate an agency; its history stays (administrators).' })
  deactivateAgency(@CurrentActor() actor: Actor, @Args('input') input: DeactivateAgencyInput) {
    return this.service.deactivateAgency(actor, input);
  }

  @ResolveField(() => AgencyEntity, { nullable: true, description: 'The agency this one is part of.' })
  parentAgency(@Parent() agency: AgencyEntity, @Context() ctx: GraphqlContext) {
    return agency.parentAgencyId ? ctx.loaders.byId(AgencyEntity).load(agency.parentAgencyId) : null;
  }

  @ResolveField(() => AgencyEntity, { nullable: true, description: 'The agency this one replaced.' })
  predecessorAgency(@Parent() agency: AgencyEntity, @Context() ctx: GraphqlContext) {
    return agency.predecessorAgencyId ? ctx.loaders.byId(AgencyEntity).load(agency.predecessorAgencyId) : null;
  }
}
