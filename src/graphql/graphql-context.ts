import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { FastifyReply, FastifyRequest } from 'fastify';

import { Actor } from '@app/auth/actor';

import { EntityLoaders } from './entity-loaders';

/** What every resolver can reach for the current request. */
export interface GraphqlContext {
  req: FastifyRequest;
  reply: FastifyReply;
  /** Set by the access guard once the bearer token is verified. */
  actor?: Actor;
  /** Per-request DataLoaders, so relations never cause N+1 queries. */
  loaders: EntityLoaders;
}

/** The request-scoped holder guards and decorators share, for GraphQL and plain HTTP alike. */
export function requestHolder(context: ExecutionContext): { req: FastifyRequest; holder: { actor?: Actor } } {
  if (context.getType<string>() === 'graphql') {
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    return { req: ctx.req, holder: ctx };
  }
  const req = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
  return { req, holder: req };
}
