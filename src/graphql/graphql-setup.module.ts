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
import { mercuriusErrorFormatter } from './error-formatter';
import { GraphqlContext } from './graphql-context';
import { GraphQLJSON } from './json.scalar';

/**
 * GraphQL over Fastify with Mercurius: code-first schema, GraphiQL outside production, depth limit, and a
 * fresh set of DataLoaders per request.
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) => ({
        autoSchemaFile: true,
        sortSchema: true,
        resolvers: { JSON: GraphQLJSON },
        path: '/graphql',
        // The playground is served from the installed packages by the web console (src/web), never from a CDN.
        graphiql: false,
        queryDepth: config.graphql.maxDepth,
        // Compile a query (graphql-jit) from its first repeat: ~10 % more work-queue requests/s (README, Performance).
        jit: 1,
        validationRules: config.graphql.introspection ? [] : [NoSchemaIntrospectionCustomRule],
        errorFormatter: mercuriusErrorFormatter as MercuriusDriverConfig['errorFormatter'],
        context: (req: FastifyRequest, reply: FastifyReply): GraphqlContext => ({
          req,
          reply,
          loaders: new EntityLoaders(dataSource),
        }),
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
})
export class GraphqlSetupModule {}
