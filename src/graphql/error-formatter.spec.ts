import { BadRequestException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';

import { ErrorKind, RequestException } from '@app/kernel/domain.exception';

import { formatError, graphqlCode, mercuriusErrorFormatter } from './error-formatter';

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

  it('answers 400 when the request never executed and 200 when it did', () => {
    const parseError = new GraphQLError('Syntax Error');
    expect(mercuriusErrorFormatter({ errors: [parseError] }).statusCode).toBe(400);
    expect(
      mercuriusErrorFormatter({ data: null, errors: [wrap(RequestException.notFound('Agency', 'a'))] }).statusCode,
    ).toBe(200);
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
    const answered = mercuriusErrorFormatter({ data: { createTask: null }, errors: [wrap(refused)] }, { reply });
    expect(answered.statusCode).toBe(503);
    expect(headers).toEqual({ 'retry-after': '5' });
  });

  it('keeps other database errors unexpected (a bug, not an outage)', () => {
    const violation = new QueryFailedError('INSERT …', [], Object.assign(new Error('null value'), { code: '23502' }));
    expect(formatError(wrap(violation)).extensions.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
