import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { Authenticated, Public } from './access.decorators';
import { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { AuthPayload, ChangePasswordInput, LoginInput } from './dto/auth.inputs';

@Resolver()
export class AuthResolver {
  constructor(private readonly service: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Log in with e-mail and password; returns an access token.' })
  login(@Args('input') input: LoginInput) {
    return this.service.login(input);
  }

  @Authenticated()
  @Mutation(() => AuthPayload, {
    description: 'Change your own password; tokens issued before stop working and a fresh one is returned.',
  })
  changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput) {
    return this.service.changePassword(actor, input);
  }
}
