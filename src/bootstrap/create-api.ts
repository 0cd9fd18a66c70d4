import { randomUUID } from 'node:crypto';

import { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

import { AppModule, ModuleOverrides } from '@app/app.module';
import { RequestContext } from '@app/kernel/request-context';
import { AppConfig } from '@app/config/app-config';
import { createValidationPipe } from '@app/graphql/validation.pipe';
import { WebConsoleModule } from '@app/web/web-console.module';

const REQUEST_ID_HEADER = 'x-request-id';

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
    bodyLimit: 1024 * 1024,
    trustProxy: config.nodeEnv === 'production',
  });
  // The API plus the web console it serves at / (src/web: sign-in session, pages, the offline playground).
  const root = { module: class ApiRootModule {}, imports: [AppModule.forRoot(config, overrides), WebConsoleModule] };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger,
    bufferLogs: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    RequestContext.enter(request.id);
    void reply.header(REQUEST_ID_HEADER, request.id);
    // A browser opening /graphql gets the GraphiQL playground (Mercurius serves it at /graphiql).
    if (
      config.graphql.playground &&
      request.method === 'GET' &&
      request.url === '/graphql' &&
      (request.headers.accept ?? '').includes('text/html')
    ) {
      void reply.redirect('/graphiql');
      return;
    }
    done();
  });
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
