import { Args, Context, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { Allow, Authenticated } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { GraphqlContext } from '@app/graphql/graphql-context';
import { ConnectionType } from '@app/graphql/pagination';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { CreateUserInput, DeactivateUserInput, UpdateUserInput, UsersArgs } from './dto/user.inputs';
import { Role } from '@app/kernel/role.enum';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@ObjectType()
export class UserConnection extends ConnectionType(UserEntity, 'User') {}

@Resolver(() => UserEntity)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Authenticated()
  @Query(() => UserEntity, { description: 'The logged-in user.' })
  me(@CurrentActor() actor: Actor) {
    return this.service.me(actor);
  }

  @Authenticated()
  @Query(() => UserEntity, { description: 'A user of your own agency (administrators: any user).' })
  user(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.findVisible(actor, id);
  }

  @Authenticated()
  @Query(() => UserConnection, {
    description: "Users of your own agency by default; another agency's staff only for administrators.",
  })
  users(@CurrentActor() actor: Actor, @Args() args: UsersArgs) {
    return this.service.list(actor, args);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => UserEntity, { description: 'Create a user account (administrators).' })
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput) {
    return this.service.createUser(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => UserEntity, { description: 'Edit a user account (administrators).' })
  updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput) {
    return this.service.updateUser(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => UserEntity, { description: 'Deactivate a user account (administrators).' })
  deactivateUser(@CurrentActor() actor: Actor, @Args('input') input: DeactivateUserInput) {
    return this.service.deactivateUser(actor, input);
  }

  @ResolveField(() => AgencyEntity, { description: 'The agency the user acts for.' })
  agency(@Parent() user: UserEntity, @Context() ctx: GraphqlContext) {
    return ctx.loaders.byId(AgencyEntity).load(user.agencyId);
  }
}
