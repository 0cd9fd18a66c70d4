import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { UserEntity } from '@app/modules/users/user.entity';

import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([UserEntity])],
  providers: [
    // The one guard every operation passes; see access.guard.ts.
    { provide: APP_GUARD, useExisting: AccessGuard },
    AccessGuard,
    AccessService,
    AuthService,
    AuthResolver,
    PasswordHasher,
    TokenService,
  ],
  exports: [AccessGuard, AccessService, PasswordHasher, TokenService],
})
export class AuthModule {}
