import { BadRequestException } from '@nestjs/common';
import { GraphQLError } from 'graphql';

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
});
