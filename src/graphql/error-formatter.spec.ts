import { BadRequestException } from '@nestjs/common';
import { GraphQLError } from 'graphql';

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
});
