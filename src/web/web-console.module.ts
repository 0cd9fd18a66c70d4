import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { AuthModule } from '@app/auth/auth.module';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { UsersModule } from '@app/modules/users/users.module';
import { normalisedPath } from '@app/queue/queue-board.module';

import { SessionController } from './session.controller';
import { loadWebAssets, WebAsset, webDistDir } from './web-assets';

/**
 * The console's pages (web/src/app/App.tsx), each with the paths below it: the links Simpul sends (`/tasks/<id>`,
 * `/referrals/<id>`, `/cross-border-requests/<id>`, `/settings/notifications`, `/settings/digest`) among them. The
 * API's own paths (/graphql, /health, /admin/queues, /metrics, /auth) are not here, so the console never answers them;
 * `/admin` itself is added alone.
 */
const CONSOLE_PAGES = [
  '/',
  '/sign-in',
  '/work-queue',
  '/tasks',
  '/cross-border-requests',
  '/cross-border',
  '/referrals',
  '/cases',
  '/people',
  '/secretariat',
  '/meetings',
  '/activities',
  '/repatriation-operations',
  '/repatriation-milestones',
  '/reintegration-plans',
  '/follow-up-contacts',
  '/notifications',
  '/settings',
];

/**
 * The console's pages come with a policy a strict CSP allows: scripts, styles, fonts and images from this origin
 * only, no inline code, no framing. (An edge proxy or helmet may add its own; this one already holds.)
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The playground (outside production only) bundles Monaco, which embeds its icon fonts as data: URIs and sets
 * styles at run time: it gets those two allowances, still nothing from another origin.
 */
export const PLAYGROUND_CSP = CONSOLE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "font-src 'self'",
  "font-src 'self' data:",
);

/**
 * Serves the web console (web/dist, built by `npm run build`) at `/`: hashed assets with a year's cache, every
 * other page path answered with index.html so the console's own router shows the page (links from e-mails land),
 * and the GraphiQL playground from the installed packages outside production. The API's own paths are never
 * shadowed: they are routes of their own, and the console answers 404 for anything under them it does not know.
 */
@Module({ imports: [AuthModule, UsersModule], controllers: [SessionController] })
export class WebConsoleModule implements OnModuleInit {
  private readonly logger = new Logger(WebConsoleModule.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const dir = webDistDir();
    const assets = dir ? loadWebAssets(dir) : new Map<string, WebAsset>();
    if (!dir) this.logger.warn('The web console is not built (web/dist); `npm run build` builds it.');

    const playground = this.config.graphql.playground;
    const send = (request: FastifyRequest, reply: FastifyReply, asset: WebAsset, cache: string, csp = CONSOLE_CSP) => {
      void reply.header('cache-control', cache).header('etag', asset.etag).header('vary', 'accept-encoding');
      if (asset.type.startsWith('text/html')) {
        void reply.header('content-security-policy', csp).header('x-content-type-options', 'nosniff');
        void reply.header('referrer-policy', 'same-origin');
      }
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      const accepts = String(request.headers['accept-encoding'] ?? '');
      void reply.type(asset.type);
      if (asset.br && /\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(asset.br);
      if (asset.gzip && /\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    };

    const page = (request: FastifyRequest, reply: FastifyReply) => {
      const index = assets.get('/index.html');
      if (!index) {
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .send('The web console is not built yet: run `npm run build` (npm start does it), then reload.');
      }
      return send(request, reply, index, 'no-cache');
    };
    const file = (request: FastifyRequest, reply: FastifyReply) => {
      const path = normalisedPath(request.url);
      const asset = assets.get(path);
      // A file that is not there (an old hashed asset, a typo) is a 404, never the page.
      if (!asset || path.endsWith('.html')) return reply.callNotFound();
      return send(
        request,
        reply,
        asset,
        path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    };
    const get = (url: string, handler: (request: FastifyRequest, reply: FastifyReply) => unknown) =>
      fastify.route({ method: ['GET', 'HEAD'], url, handler });

    // The console's own paths only: anything else (a typo, a scanner's probe) stays an ordinary 404 of the API.
    for (const path of CONSOLE_PAGES) {
      get(path, page);
      if (path !== '/') get(`${path}/*`, page);
    }
    // The administrator's page, but nothing below it: /admin/queues is the queue board's.
    get('/admin', page);
    get('/assets/*', file);
    get('/favicon.svg', file);
    if (playground && assets.has('/graphiql.html')) {
      get('/graphiql', (request, reply) =>
        send(request, reply, assets.get('/graphiql.html')!, 'no-cache', PLAYGROUND_CSP),
      );
    }
  }
}
