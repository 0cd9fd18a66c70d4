import { ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { GqlArgumentsHost, GqlExceptionFilter } from '@nestjs/graphql';
import { FastifyReply } from 'fastify';

import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

const HTTP_STATUS: Record<ErrorKind, number> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
};

/**
 * Expected domain errors are answers, not incidents: pass them to the GraphQL error formatter untouched (and
 * unlogged), or answer plain HTTP routes with the matching status.
 */
@Catch(DomainException)
export class DomainExceptionFilter implements GqlExceptionFilter {
  catch(exception: DomainException, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      GqlArgumentsHost.create(host);
      return exception;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(HTTP_STATUS[exception.kind]).send({ code: exception.kind, message: exception.message });
    return undefined;
  }
}
