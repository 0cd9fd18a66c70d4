import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ACTOR_SOURCE } from '@app/auth/actor-source';
import { AuthModule } from '@app/auth/auth.module';
import { AgenciesModule } from '@app/modules/agencies/agencies.module';

import { ActorSourceService } from './actor-source.service';
import { PasswordHasher } from './password-hasher';
import { AuthResolver } from './sign-in/auth.resolver';
import { AuthService } from './sign-in/auth.service';
import { LoginThrottle } from './sign-in/login-throttle';
import { UserEntity } from './user.entity';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/** Users and their accounts: sign-in, passwords and throttling, and who an access token's holder is. */
@Module({
  imports: [AuthModule, AgenciesModule, TypeOrmModule.forFeature([UserEntity])],
  providers: [
    UsersService,
    UsersResolver,
    AuthService,
    AuthResolver,
    LoginThrottle,
    PasswordHasher,
    ActorSourceService,
    { provide: ACTOR_SOURCE, useExisting: ActorSourceService },
  ],
  exports: [UsersService, PasswordHasher, AuthService, ACTOR_SOURCE],
})
export class UsersModule {}
