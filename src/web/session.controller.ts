import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated, Public } from '@app/auth/access.decorators';
import { AccessGuard } from '@app/auth/access.guard';
import { Actor, hasRole } from '@app/auth/actor';
import { csrfTokenFor, isJsonRequest, readCookie, SESSION_COOKIE } from '@app/auth/browser-session';
import { CurrentActor } from '@app/auth/current-actor.decorator';
import { TokenService } from '@app/auth/token.service';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { RequestException } from '@app/kernel/domain.exception';
import { Locale, Role } from '@app/kernel/role.enum';
import { AuthService } from '@app/modules/users/sign-in/auth.service';
import { ChangePasswordInput, LoginInput } from '@app/modules/users/sign-in/auth.inputs';
import { QUEUE_BOARD_ROUTE } from '@app/queue/queue-board.module';

/** The queue board reads its own cookie (queue-board.module.ts); administrators get it with their session. */
const BOARD_COOKIE = 'simpul_board_token';

/** What the console needs to know about the person signed in (never a token). */
export interface SessionView {
  signedIn: true;
  csrfToken: string;
  expiresAt: string;
  /** locale as the GraphQL enum spells it (ID, EN). */
  user: { id: string; agencyId: string; roles: readonly Role[]; locale: 'ID' | 'EN'; timeZone: string };
}

/**
 * The web console's sign-in, session and sign-out (the cookie session of browser-session.ts). Other clients keep
 * using the `login` mutation and a bearer token; nothing here changes that.
 */
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly guard: AccessGuard,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  async signIn(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() input: LoginInput,
  ): Promise<SessionView> {
    requireJson(request);
    const payload = await this.auth.login(input, request.ip);
    return this.open(reply, payload.accessToken, payload.expiresAt, {
      userId: payload.user.id,
      agencyId: payload.user.agencyId,
      roles: payload.user.roles,
      locale: payload.user.locale,
      timeZone: payload.user.timeZone,
    });
  }

  /** The current session (with its CSRF token) or `{ signedIn: false }`: the console asks on every page load. */
  @Public()
  @Get()
  async current(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionView | { signedIn: false; reason?: string }> {
    void reply.header('cache-control', 'no-store');
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!token) return { signedIn: false };
    try {
      const actor = await this.guard.actorForToken(token);
      const { exp } = this.tokens.verify(token);
      return this.view(token, new Date(exp * 1000), actor);
    } catch (error) {
      this.clear(reply);
      return { signedIn: false, reason: error instanceof Error ? error.message : undefined };
    }
  }

  @Public()
  @Post('sign-out')
  @HttpCode(200)
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): { signedIn: false } {
    // A JSON body cannot be sent cross-site without a preflight this server never grants, so no page elsewhere
    // can sign a user out.
    requireJson(request);
    this.clear(reply);
    return { signedIn: false };
  }

  /** Changes the password (every other session ends) and keeps this browser signed in with a fresh session. */
  @Authenticated()
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() input: ChangePasswordInput,
  ): Promise<SessionView> {
    const payload = await this.auth.changePassword(actor, input);
    return this.open(reply, payload.accessToken, payload.expiresAt, actor);
  }

  private open(reply: FastifyReply, token: string, expiresAt: Date, actor: Actor): SessionView {
    const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    const cookies = [this.cookie(SESSION_COOKIE, token, '/', maxAge)];
    if (hasRole(actor, Role.ADMINISTRATOR)) cookies.push(this.cookie(BOARD_COOKIE, token, QUEUE_BOARD_ROUTE, maxAge));
    void reply.header('set-cookie', cookies);
    void reply.header('cache-control', 'no-store');
    return this.view(token, expiresAt, actor);
  }

  private view(token: string, expiresAt: Date, actor: Actor): SessionView {
    return {
      signedIn: true,
      csrfToken: csrfTokenFor(token, this.config.auth.tokenSecret),
      expiresAt: expiresAt.toISOString(),
      user: {
        id: actor.userId,
        agencyId: actor.agencyId,
        roles: actor.roles,
        locale: actor.locale === Locale.EN ? 'EN' : 'ID',
        timeZone: actor.timeZone,
      },
    };
  }

  private clear(reply: FastifyReply): void {
    void reply.header('set-cookie', [
      this.cookie(SESSION_COOKIE, '', '/', 0),
      this.cookie(BOARD_COOKIE, '', QUEUE_BOARD_ROUTE, 0),
    ]);
  }

  private cookie(name: string, value: string, path: string, maxAge: number): string {
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    return `${name}=${encodeURIComponent(value)}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
  }
}

function requireJson(request: FastifyRequest): void {
  if (!isJsonRequest(request))
    throw RequestException.invalidInput('Send the request body as JSON (content-type: application/json).');
}
