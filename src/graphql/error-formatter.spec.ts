import { BadRequestException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';

import { ErrorKind, RequestException } from '@app/kernel/domain.exception';

import { createErrorFormatter, formatError, graphqlCode } from './error-formatter';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatError', () => {
  it('maps every domain error kind to its GraphQL code', () => {
    for (const kind of Object.values(ErrorKind)) expect(graphqlCode(kind)).toBe(kind);
  });

  it('keeps the safe message, the code and the field of a domain error', () => {
    const sut = formatError(wrap(RequestException.invalidInput('Invalid input: email must be an e-mail.', 'email')));
    expect(sut.message).toBe('Invalid input: email must be an e-mail.');
    expect(sut.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('hides unexpected errors behind an error id', () => {
    const sut = formatError(wrap(new Error('connect ECONNREFUSED postgres://user:pw@db:5432')));
    expect(sut.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(sut.extensions.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(sut.toJSON())).not.toMatch(/postgres:|ECONNREFUSED|stack/);
  });

  it('maps framework HTTP errors by status', () => {
    expect(formatError(wrap(new BadRequestException('bad'))).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers 400 without data when the request never executed, and 200 with data when it did', () => {
    const sut = createErrorFormatter({ suggestions: true, maxBodyBytes: 1024 });
    const refused = sut({ errors: [new GraphQLError('Syntax Error')] });
    expect(refused.statusCode).toBe(400);
    expect(refused.response).not.toHaveProperty('data');
    const executed = sut({ data: null, errors: [wrap(RequestException.notFound('Agency', 'a'))] });
    expect(executed.statusCode).toBe(200);
    expect(executed.response).toHaveProperty('data', null);
  });

  it('answers transport problems with their own status, never as internal errors', () => {
    const sut = createErrorFormatter({ suggestions: true, maxBodyBytes: 1024 });
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    const result = sut({ errors: [new GraphQLError(tooLarge.message, { originalError: tooLarge })] });
    expect(result.statusCode).toBe(413);
    expect(result.response.errors[0]).toMatchObject({
      message: expect.stringMatching(/1024 bytes/),
      extensions: { code: 'BAD_REQUEST', reason: 'BODY_TOO_LARGE' },
    });
  });

  it('leaves out "Did you mean" hints when suggestions are off', () => {
    const error = new GraphQLError(
      'Cannot query field "agencie" on type "Query". Did you mean "agencies" or "agency"?',
    );
    expect(formatError(error, { suggestions: false }).message).toBe('Cannot query field "agencie" on type "Query".');
    expect(formatError(error, { suggestions: true }).message).toMatch(/Did you mean/);
  });

  it('names the field of a variable that failed coercion', () => {
    const error = new GraphQLError(
      'Variable "$input" got invalid value "x" at "input.dueAt"; DateTime must be an ISO 8601 date and time.',
    );
    expect(formatError(error).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueAt' });
  });

  it('answers a lost or restarting database as SERVICE_UNAVAILABLE with 503 and Retry-After, without an error id', () => {
    const shutdown = Object.assign(
      new QueryFailedError('UPDATE task …', [], new Error('terminating connection due to administrator command')),
      {},
    );
    (shutdown.driverError as { code?: string }).code = '57P01';
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const serialization = new QueryFailedError(
      'SELECT …',
      [],
      Object.assign(new Error('could not serialize access'), { code: '40001' }),
    );
    for (const cause of [shutdown, refused, serialization]) {
      const sut = formatError(wrap(cause));
      expect(sut.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
      expect(sut.message).toMatch(/nothing was saved; try again in 5 seconds/);
    }
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply;
    const answered = createErrorFormatter({ suggestions: true, maxBodyBytes: 1024 })(
      { data: { createTask: null }, errors: [wrap(refused)] },
      { reply },
    );
    expect(answered.statusCode).toBe(503);
    expect(headers).toEqual({ 'retry-after': '5' });
  });

  it('keeps other database errors unexpected (a bug, not an outage)', () => {
    const violation = new QueryFailedError('INSERT …', [], Object.assign(new Error('null value'), { code: '23502' }));
    expect(formatError(wrap(violation)).extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
