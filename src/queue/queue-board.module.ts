import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { posix } from 'node:path';

import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { AccessGuard } from '@app/auth/access.guard';
import { hasRole } from '@app/auth/actor';
import { AuthModule } from '@app/auth/auth.module';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Role } from '@app/kernel/role.enum';

import { ALL_QUEUES } from './queue.names';

export const QUEUE_BOARD_ROUTE = '/admin/queues';
const COOKIE = 'simpul_board_token';

/** Compared without case: a router configured case-insensitive must not open a second way in. */
const underBoard = (path: string): boolean => {
  const lower = path.toLowerCase();
  return lower === QUEUE_BOARD_ROUTE || lower.startsWith(`${QUEUE_BOARD_ROUTE}/`);
};

/**
 * The path as the router will see it: query and fragment cut, percent-decoding repeated until it settles (so a
 * double-encoded spelling is judged as what a second decoder would make of it), one slash at a time,
 * dot segments resolved.
 */
export function normalisedPath(url: string): string {
  let path = url.split(/[?#]/)[0];
  for (let round = 0; round < 5; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  return posix.normalize(`/${path}`.replace(/\\/g, '/').replace(/\/+/g, '/'));
}

/**
 * Whether a request reaches the board. Decided on the route the router matched (its registered pattern, which no
 * spelling of the URL can disguise) and, as a second net, on the decoded and normalised path.
 */
export function isBoardRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions?.url;
  return (route !== undefined && underBoard(route)) || underBoard(normalisedPath(request.url));
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * Bull Board at /admin/queues (API role), for administrators only: waiting, delayed and failed jobs, with
 * retry. A browser opens /admin/queues?token=<access token> once (the token moves into an HttpOnly cookie
 * scoped to the board); scripts send "Authorization: Bearer <token>".
 */
@Module({
  imports: [
    AuthModule,
    // Async so each application gets its own board adapter (forRoot makes one per process).
    BullBoardModule.forRootAsync({ useFactory: () => ({ route: QUEUE_BOARD_ROUTE, adapter: FastifyAdapter }) }),
    ...ALL_QUEUES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
})
export class QueueBoardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly guard: AccessGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isBoardRequest(request)) return;
      const query = request.query as Record<string, string | undefined> | undefined;
      const fromQuery = query?.token;
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const token = fromQuery ?? bearer ?? cookieToken(request.headers.cookie);
      if (!token) {
        return reply
          .code(401)
          .type('text/plain; charset=utf-8')
          .send(`Log in as an administrator, then open ${QUEUE_BOARD_ROUTE}?token=<your access token>.`);
      }
      const actor = await this.guard.actorForToken(token).catch(() => undefined);
      if (!actor)
        return reply.code(401).type('text/plain; charset=utf-8').send('The access token is not valid; log in again.');
      if (!hasRole(actor, Role.ADMINISTRATOR)) {
        return reply.code(403).type('text/plain; charset=utf-8').send('The queue board is for administrators only.');
      }
      if (fromQuery) {
        const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
        void reply.header(
          'set-cookie',
          `${COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_BOARD_ROUTE}; HttpOnly; SameSite=Strict; Max-Age=${this.config.auth.tokenTtlSeconds}${secure}`,
        );
        const path = normalisedPath(request.url);
        return reply.redirect(underBoard(path) ? path : QUEUE_BOARD_ROUTE);
      }
    });
  }
}
