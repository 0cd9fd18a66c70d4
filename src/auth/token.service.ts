import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';

import { RequestException } from '@app/kernel/domain.exception';
import { APP_CONFIG } from '@app/config/config.module';
import { AppConfig } from '@app/config/app-config';

export interface AccessTokenClaims {
  sub: string;
  agency: string;
  /** The user's credentials stamp when issued; a password change makes older tokens invalid. */
  cv: number;
  iat: number;
  exp: number;
}

/** Signs and verifies the short-lived access tokens that carry a user's identity. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: string, agencyId: string, credentialsChangedAt: Date): { token: string; expiresAt: Date } {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const exp = nowSeconds + this.config.auth.tokenTtlSeconds;
    // Secret and algorithm (HS256) come from the module registration (auth.module.ts).
    const token = this.jwt.sign({
      sub: userId,
      agency: agencyId,
      cv: credentialsChangedAt.getTime(),
      iat: nowSeconds,
      exp,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string): AccessTokenClaims {
    try {
      return this.jwt.verify<AccessTokenClaims>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw RequestException.unauthenticated('Your session has expired; log in again.');
      }
      throw RequestException.unauthenticated('The access token is not valid; log in again.');
    }
  }
}
