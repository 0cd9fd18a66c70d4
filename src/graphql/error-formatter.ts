import { randomUUID } from 'node:crypto';

import { HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';

import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

import { APPLICATION_JSON, requestErrorBody, responseMediaType } from './graphql-http';

const logger = new Logger('GraphQLErrors');

/** The `extensions.code` for each kind: exhaustive, so a new kind cannot go unmapped. */
export function graphqlCode(kind: ErrorKind): string {
  switch (kind) {
    case ErrorKind.BAD_USER_INPUT:
      return 'BAD_USER_INPUT';
    case ErrorKind.UNAUTHENTICATED:
      return 'UNAUTHENTICATED';
    case ErrorKind.FORBIDDEN:
      return 'FORBIDDEN';
    case ErrorKind.NOT_FOUND:
      return 'NOT_FOUND';
    case ErrorKind.CONFLICT:
      return 'CONFLICT';
    case ErrorKind.TOO_MANY_REQUESTS:
      return 'TOO_MANY_REQUESTS';
    default: {
      const unreachable: never = kind;
      throw new Error(`Unmapped error kind ${String(unreachable)}`);
    }
  }
}

function httpCode(status: number): string {
  if (status === 400) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  return 'INTERNAL_SERVER_ERROR';
}

export interface ErrorFormatOptions {
  /** Keep graphql-js's "Did you mean …?" hints (they name fields and types: off in production). */
  suggestions: boolean;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;
/** graphql-js's words (sic) when the parser stops at the token limit. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens/;

/** `Variable "$input" got invalid value … at "input.dueAt"; …` names the field at fault: keep it as `field`. */
function variableField(message: string): string | undefined {
  const at = /^Variable "\$[^"]+" got invalid value .*? at "([^"]+)"/s.exec(message);
  if (at) return at[1].replace(/^input\./, '');
  const whole = /^Variable "\$([^"]+)"/.exec(message);
  return whole?.[1];
}

/** PostgreSQL's data exceptions (class 22: malformed or out-of-range values) come from what a client sent. */
function isDataException(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

/** Turns any error raised while serving GraphQL into the safe shape clients see. */
export function formatError(error: GraphQLError, options: ErrorFormatOptions = { suggestions: true }): GraphQLError {
  const original = error.originalError;
  const base = { locations: error.locations, path: error.path };

  if (original instanceof DomainException) {
    return new GraphQLError(original.message, {
      ...base,
      extensions: {
        code: graphqlCode(original.kind),
        reason: original.reason,
        ...(original.field ? { field: original.field } : {}),
        ...(original.details ?? {}),
      },
    });
  }
  if (original instanceof HttpException && original.getStatus() < 500) {
    return new GraphQLError(original.message, { ...base, extensions: { code: httpCode(original.getStatus()) } });
  }
  if (!original || original instanceof GraphQLError) {
    // Parse, validation and variable-coercion errors, and the request limits: the request itself is malformed.
    const tokens = TOKEN_LIMIT.exec(error.message);
    if (tokens) {
      return new GraphQLError(`The document holds more than ${tokens[1]} tokens (GRAPHQL_MAX_TOKENS).`, {
        ...base,
        extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_TOKENS', limit: Number(tokens[1]) },
      });
    }
    const message = options.suggestions ? error.message : error.message.replace(SUGGESTION, '');
    const field = (error.extensions?.field as string | undefined) ?? variableField(error.message);
    return new GraphQLError(message, {
      ...base,
      extensions: { code: 'BAD_USER_INPUT', ...error.extensions, ...(field ? { field } : {}) },
    });
  }

  const errorId = randomUUID();
  if (isDataException(original)) {
    // A value the edge should have refused reached the database. The client's fault, so no stack at error level;
    // logged as a warning so the gap in input validation gets closed.
    // Only the SQLSTATE: PostgreSQL's message may quote the value, which may be personal data.
    const sqlState = (original.driverError as { code?: string }).code;
    logger.warn({ msg: 'the database refused a value from a request', errorId, sqlState });
    return new GraphQLError('A value in the request is malformed or out of range.', {
      ...base,
      extensions: { code: 'BAD_USER_INPUT', reason: 'REFUSED_BY_DATABASE', errorId },
    });
  }
  logger.error({ msg: 'unexpected error while serving GraphQL', errorId, error: original }, original.stack);
  return new GraphQLError(`Internal error; quote error id ${errorId} when reporting it.`, {
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  });
}

interface TransportProblem {
  status: number;
  reason: string;
  message: string;
}

/**
 * Errors about the HTTP request rather than the GraphQL document (body too large or not JSON, parameters of the
 * wrong type, no query, a mutation over GET): they get their own status codes, never INTERNAL_SERVER_ERROR.
 */
function transportProblem(error: unknown, maxBodyBytes: number): TransportProblem | undefined {
  const { code, errors, message } = error as { code?: unknown; errors?: unknown; message?: string };
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        reason: 'BODY_TOO_LARGE',
        message: `The request body is larger than the limit of ${maxBodyBytes} bytes (HTTP_MAX_BODY_BYTES).`,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        reason: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Send the request body as Content-Type: ${APPLICATION_JSON}.`,
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, reason: 'MALFORMED_REQUEST', message: 'The request body is not valid JSON.' };
    case 'MER_ERR_METHOD_NOT_ALLOWED':
      return {
        status: 405,
        reason: 'METHOD_NOT_ALLOWED',
        message: 'Mutations must be sent with POST; GET runs queries only.',
      };
    case 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND':
      return { status: 400, reason: 'MALFORMED_REQUEST', message: 'The request has no query: send {"query": "…"}.' };
    case 'MER_ERR_GQL_VALIDATION': {
      // Mercurius uses this code for GraphQL validation errors (a list of GraphQLErrors, handled as GraphQL request
      // errors) and for parameters of the wrong shape (a JSON-schema error, or unparsable GET variables).
      const nested = Array.isArray(errors) ? (errors as unknown[]) : [];
      if (nested.length > 0 && nested.every((e) => e instanceof GraphQLError)) return undefined;
      const detail = (nested[0] as { message?: string } | undefined)?.message ?? message ?? '';
      const readable = detail.replace(/^(body|querystring)\//, '').replace(/^Unexpected .*/s, 'it is not valid JSON');
      return {
        status: 400,
        reason: 'MALFORMED_REQUEST',
        message: `The request parameters are malformed: ${readable || 'they are not a GraphQL request'}.`,
      };
    }
    default:
      return undefined;
  }
}

/** Mercurius reports a document that fails validation as one error carrying the GraphQL errors in `errors`. */
function flatten(errors: readonly unknown[]): unknown[] {
  return errors.flatMap((error: unknown) => {
    const nested =
      (error as { errors?: unknown }).errors ??
      ((error as GraphQLError).originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(nested) ? (nested as unknown[]) : [error];
  });
}

type MercuriusFormatted = {
  statusCode: number;
  response: { data?: ExecutionResult['data']; errors: GraphQLFormattedError[] };
};

/**
 * The Mercurius error formatter. Status codes follow GraphQL over HTTP: a request that executed answers 200 with
 * its errors in the body; one refused before execution (parse, validation, variables, limits) answers 400 under
 * application/graphql-response+json and 200 under application/json, without a `data` entry; transport problems
 * answer 400/405/413/415; an unexpected failure before execution answers 500.
 */
export function createErrorFormatter(options: ErrorFormatOptions & { maxBodyBytes: number }) {
  return (execution: ExecutionResult, context?: { reply?: FastifyReply }): MercuriusFormatted => {
    const reply = context?.reply;
    const raw = execution.errors ?? [];
    const transport =
      raw.length === 1 ? transportProblem(raw[0].originalError ?? raw[0], options.maxBodyBytes) : undefined;
    if (transport) {
      if (transport.status === 405) void reply?.header('allow', 'POST');
      const body = requestErrorBody(transport.message, transport.reason) as MercuriusFormatted['response'];
      return { statusCode: transport.status, response: body };
    }

    const errors = flatten(raw).map((error) =>
      formatError(error instanceof GraphQLError ? error : new GraphQLError(String(error)), options).toJSON(),
    );
    if (execution.data !== undefined) return { statusCode: 200, response: { data: execution.data, errors } };
    const internal = errors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR');
    const legacy = responseMediaType(reply?.request) === APPLICATION_JSON;
    return { statusCode: internal ? 500 : legacy ? 200 : 400, response: { errors } };
  };
}
