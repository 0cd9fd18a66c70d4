import { createSecretKey } from 'node:crypto';

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { AccessGuard } from './access.guard';
import { AccessService } from './access.service';
import { TokenService } from './token.service';

/**
 * Authentication and access as infrastructure: tokens, the one guard, the access rules. Who a token's holder is comes
 * from the users module (ACTOR_SOURCE), which also owns sign-in, passwords and their throttling.
 */
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
  ],
  providers: [
    // The one guard every operation passes; see access.guard.ts.
    { provide: APP_GUARD, useExisting: AccessGuard },
    AccessGuard,
    AccessService,
    TokenService,
  ],
  exports: [AccessGuard, AccessService, TokenService],
})
export class AuthModule {}
