import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { RequestException } from '@app/kernel/domain.exception';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { requestHolder } from '@app/graphql/graphql-context';
import { UserEntity } from '@app/modules/users/user.entity';

import { ACCESS_METADATA, AccessRule } from './access.decorators';
import { Actor } from './actor';
import { browserSessionToken } from './browser-session';
import { TokenService } from './token.service';

/**
 * The one gate every GraphQL operation and HTTP route passes. An operation without a declared rule is refused
 * (and a test walks all resolvers so none ships without one).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
      throw RequestException.forbidden('This operation is not available.');
    }
    if (rule.kind === 'public') return true;

    const { req, holder } = requestHolder(context);
    const header = req.headers.authorization;
    let token: string | undefined;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw RequestException.unauthenticated('Send the access token as "Authorization: Bearer <token>".');
      token = match[1];
    } else {
      // The web console's cookie session (browser-session.ts), only with its CSRF proofs.
      token = browserSessionToken(req, this.config.auth.tokenSecret);
    }
    if (!token) throw RequestException.unauthenticated();

    holder.actor = await this.actorForToken(token);
    if (rule.kind === 'roles' && !rule.roles.some((role) => holder.actor!.roles.includes(role))) {
      throw RequestException.forbidden();
    }
    return true;
  }

  /** The actor behind an access token, or UNAUTHENTICATED (also used by the queue board). */
  async actorForToken(token: string): Promise<Actor> {
    const claims = this.tokens.verify(token);
    const user = await this.users.findOne({
      where: { id: claims.sub },
      select: ['id', 'agencyId', 'roles', 'locale', 'timeZone', 'active', 'credentialsChangedAt'],
    });
    // Tokens issued before the last password change no longer count.
    const revoked = user && claims.cv !== user.credentialsChangedAt.getTime();
    if (!user || !user.active || revoked || user.agencyId !== claims.agency) {
      throw RequestException.unauthenticated('The access token is no longer valid; log in again.');
    }
    return {
      userId: user.id,
      agencyId: user.agencyId,
      roles: user.roles,
      locale: user.locale,
      timeZone: user.timeZone,
    };
  }
}
