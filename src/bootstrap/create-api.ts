import { randomUUID } from 'node:crypto';

import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

import { AppModule, ModuleOverrides } from '@app/app.module';
import { RequestContext } from '@app/kernel/request-context';
import { AppConfig } from '@app/config/app-config';
import { GRAPHQL_PATH, installGraphqlHttp } from '@app/graphql/graphql-http';
import { createValidationPipe } from '@app/graphql/validation.pipe';
import { WebConsoleModule } from '@app/web/web-console.module';

const REQUEST_ID_HEADER = 'x-request-id';

/** What any page the API serves may load: only its own scripts (Bull Board), never framed, no plugins. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
};

/**
 * Security headers on every answer (@fastify/helmet): HSTS, nosniff, frame denial, a content security policy, no
 * referrer. The GraphQL endpoint answers data only, so its policy allows nothing at all. The web console's pages
 * and the offline GraphiQL (src/web) send their own, stricter policies.
 */
async function installSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRoute', (route) => {
    const directives = route.url === GRAPHQL_PATH ? { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } : undefined;
    if (directives) {
      route.config = Object.assign(route.config ?? {}, {
        helmet: { contentSecurityPolicy: { useDefaults: false, directives } },
      });
    }
  });
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Answers carry personal data: no browser or proxy may keep a copy (static assets set their own policy).
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/** Builds the API application (not yet listening), the same way for `npm start`, `start:api` and the tests. */
export async function createApiApp(
  config: AppConfig,
  logger: LoggerService,
  overrides: ModuleOverrides = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Honour a caller's request id (a proxy's) when it looks sane, else make one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers[REQUEST_ID_HEADER];
      return typeof given === 'string' && /^[\w.:-]{1,80}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: config.http.maxBodyBytes,
    // Off unless configured: X-Forwarded-For is the client's word unless a proxy we trust wrote it, and sign-in
    // throttling counts per client address.
    trustProxy: config.http.trustProxy,
  });
  // The API plus the web console it serves at / (src/web: sign-in session, pages, the offline playground).
  const root = { module: class ApiRootModule {}, imports: [AppModule.forRoot(config, overrides), WebConsoleModule] };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger,
    bufferLogs: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await installSecurityHeaders(fastify);
  // Multipart bodies for document uploads (POST /documents reads them, with its own limits). The parser reads
  // nothing until a route asks, and /graphql refuses multipart before any parser runs (graphql-http.ts).
  await fastify.register(multipart, {
    limits: { fileSize: config.documents.maxUploadBytes, files: 1, fields: 5, parts: 6, fieldSize: 200 },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    RequestContext.enter(request.id);
    void reply.header(REQUEST_ID_HEADER, request.id);
    // A browser opening /graphql gets the GraphiQL playground (the web console serves it at /graphiql).
    if (
      config.graphql.playground &&
      request.method === 'GET' &&
      request.url === GRAPHQL_PATH &&
      (request.headers.accept ?? '').includes('text/html')
    ) {
      void reply.redirect('/graphiql');
      return;
    }
    done();
  });
  installGraphqlHttp(fastify);
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.log(
      {
        msg: 'request completed',
        method: request.method,
        url: request.url.split('?')[0],
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'HTTP',
    );
    done();
  });
  return app;
}
