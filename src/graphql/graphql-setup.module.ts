import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import { FastifyReply, FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { DataSource } from 'typeorm';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

import { DomainExceptionFilter } from './domain-exception.filter';
import { EntityLoaders } from './entity-loaders';
import { createErrorFormatter } from './error-formatter';
import { GraphqlContext } from './graphql-context';
import { GRAPHQL_PATH } from './graphql-http';
import { hardenSchema } from './input-hygiene';
import { GraphQLJSON } from './json.scalar';
import { checkCost, checkDocumentLimits } from './request-limits';

/** The operation a request names, from its JSON body or its GET parameters. */
function operationNameOf(request: FastifyRequest | undefined): string | undefined {
  const source = (request?.method === 'GET' ? request.query : request?.body) as { operationName?: unknown } | undefined;
  return typeof source?.operationName === 'string' && source.operationName !== '' ? source.operationName : undefined;
}

/**
 * GraphQL over Fastify with Mercurius: code-first schema hardened at its inputs (input-hygiene.ts), GraphiQL
 * outside production, limits on every request (tokens, aliases, one field per mutation, depth, cost), and a
 * fresh set of DataLoaders per request.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) => {
        const limits = { maxAliases: config.graphql.maxAliases, maxCost: config.graphql.maxCost };
        return {
          autoSchemaFile: true,
          sortSchema: true,
          transformSchema: hardenSchema,
          resolvers: { JSON: GraphQLJSON },
          path: GRAPHQL_PATH,
          // The playground is served from the installed packages by the web console (src/web), never from a CDN.
          graphiql: false,
          queryDepth: config.graphql.maxDepth,
          // The parser gives up past this many tokens: a huge document costs no more than a refusal.
          graphql: { parseOptions: { maxTokens: config.graphql.maxTokens } },
          // Compile a query (graphql-jit) from its first repeat: ~10 % more work-queue requests/s (README, Performance).
          jit: 1,
          validationRules: config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule],
          hooks: {
            // Before validation (whose cost grows with the document): aliases and one field per mutation.
            preValidation: [(_schema, document) => checkDocumentLimits(document, limits)],
            // Before execution, with the variables that set the page sizes.
            preExecution: [
              (schema, document, context, variables) =>
                checkCost(schema, document, variables, operationNameOf(context.reply?.request), limits),
            ],
          },
          errorFormatter: createErrorFormatter({
            suggestions: config.graphql.suggestions,
            maxBodyBytes: config.http.maxBodyBytes,
          }) as unknown as MercuriusDriverConfig['errorFormatter'],
          context: (req: FastifyRequest, reply: FastifyReply): GraphqlContext => ({
            req,
            reply,
            loaders: new EntityLoaders(dataSource),
          }),
        };
      },
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
})
export class GraphqlSetupModule {}
