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

/** Tokens whose signature this process checked, remembered at most (then it starts again). */
const MAX_VERIFIED = 10_000;

/** Signs and verifies the short-lived access tokens that carry a user's identity. */
@Injectable()
export class TokenService {
  private readonly verified = new Map<string, AccessTokenClaims>();

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
    // A token's signature never changes: once checked it is only its expiry that can end it.
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token);
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw RequestException.unauthenticated('Your session has expired; log in again.');
      }
      throw RequestException.unauthenticated('The access token is not valid; log in again.');
    }
  }
}
