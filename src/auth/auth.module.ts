import { createSecretKey } from 'node:crypto';

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { UserEntity } from '@app/modules/users/user.entity';

import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      // The secret as a key object made once: given a string, jsonwebtoken first tries to read it as a public
      // key on every verify, fails and throws, which cost several percent of each authenticated request.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.tokenSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
      inject: [APP_CONFIG],
    }),
    TypeOrmModule.forFeature([UserEntity]),
  ],
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
  exports: [AccessGuard, AccessService, AuthService, PasswordHasher, TokenService],
})
export class AuthModule {}
