import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';

import { RequestException } from '@app/kernel/domain.exception';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { requestHolder } from '@app/graphql/graphql-context';

import { ACCESS_METADATA, AccessRule, BROWSER_REQUEST_METADATA, BrowserRequest } from './access.decorators';
import { Actor } from './actor';
import { ACTOR_SOURCE, ActorSource } from './actor-source';
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
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Looked up when first needed: the worker builds this guard too, and never authenticates anyone. */
  private actors?: ActorSource;

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
      const accepts = this.reflector.getAllAndOverride<BrowserRequest | undefined>(BROWSER_REQUEST_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]);
      token = browserSessionToken(req, this.config.auth.tokenSecret, accepts);
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
    this.actors ??= this.moduleRef.get<ActorSource>(ACTOR_SOURCE, { strict: false });
    const actor = await this.actors.actorFor(claims);
    if (!actor) throw RequestException.unauthenticated('The access token is no longer valid; log in again.');
    return actor;
  }
}
