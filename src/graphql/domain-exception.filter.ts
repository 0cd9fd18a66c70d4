import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { FastifyReply } from 'fastify';

import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

const HTTP_STATUS: Record<ErrorKind, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY_REQUESTS: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * In GraphQL, every error goes to the error formatter untouched: expected domain errors are answers, not
 * incidents, and the formatter logs an unexpected one once, with its error id (Nest's default handler would log
 * it a second time, stack and all, before the formatter decides whether the client caused it). Plain HTTP routes
 * answer domain errors with the matching status and leave the rest to Nest.
 */
@Catch()
export class DomainExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      GqlArgumentsHost.create(host);
      // Thrown, not returned: a returned value becomes the resolver's result, and an error object GraphQL does not
      // recognise as one (a Node socket error seen from another realm, as under Jest) would be sent as data.
      throw exception;
    }
    if (!(exception instanceof DomainException)) return super.catch(exception, host);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(HTTP_STATUS[exception.kind]).send({
      code: exception.kind,
      message: exception.message,
      reason: exception.reason,
      ...(exception.field ? { field: exception.field } : {}),
    });
    return undefined;
  }
}
