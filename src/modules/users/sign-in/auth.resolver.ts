import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';

import { GraphqlContext } from '@app/graphql/graphql-context';
import { Role } from '@app/kernel/role.enum';
import { UserEntity } from '@app/modules/users/user.entity';

import { Allow, Authenticated, Public } from '@app/auth/access.decorators';
import { Actor } from '@app/auth/actor';
import { AuthService } from './auth.service';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { AuthPayload, ChangePasswordInput, LoginInput, ResetUserPasswordInput, UnlockLoginInput } from './auth.inputs';

@Resolver()
export class AuthResolver {
  constructor(private readonly service: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Log in with e-mail and password; returns an access token. Repeated failures lock the account for your ' +
      'address for a while (TOO_MANY_REQUESTS, with extensions.retryAfterSeconds).',
  })
  login(@Args('input') input: LoginInput, @Context() ctx: GraphqlContext) {
    return this.service.login(input, ctx.req.ip);
  }

  @Authenticated()
  @Mutation(() => AuthPayload, {
    description: 'Change your own password; tokens issued before stop working and a fresh one is returned.',
  })
  changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput) {
    return this.service.changePassword(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => UserEntity, {
    description: "Lift the sign-in locks others' failed guesses put on an account, at every address (administrators).",
  })
  unlockLogin(@CurrentActor() actor: Actor, @Args('input') input: UnlockLoginInput) {
    return this.service.unlockLogin(actor, input);
  }

  @Allow(Role.ADMINISTRATOR)
  @Mutation(() => UserEntity, {
    description:
      "Set a new password for someone's account: their tokens stop working and sign-in locks are lifted " +
      '(administrators).',
  })
  resetUserPassword(@CurrentActor() actor: Actor, @Args('input') input: ResetUserPasswordInput) {
    return this.service.resetUserPassword(actor, input);
  }
}
