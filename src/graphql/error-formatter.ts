import { randomUUID } from 'node:crypto';

import { HttpException, Logger } from '@nestjs/common';
import { ExecutionResult, GraphQLError } from 'graphql';

import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

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
  return 'INTERNAL_SERVER_ERROR';
}

/** Turns any error raised while serving GraphQL into the safe shape clients see. */
export function formatError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  const base = { message: error.message, locations: error.locations, path: error.path };

  if (original instanceof DomainException) {
    return new GraphQLError(original.message, {
      ...base,
      extensions: {
        code: graphqlCode(original.kind),
        reason: original.reason,
        ...(original.field ? { field: original.field } : {}),
        ...(original.problems?.length ? { problems: original.problems } : {}),
      },
    });
  }
  if (original instanceof HttpException && original.getStatus() < 500) {
    return new GraphQLError(original.message, { ...base, extensions: { code: httpCode(original.getStatus()) } });
  }
  if (!original || original instanceof GraphQLError) {
    // Parse, validation and variable-coercion errors: the request itself is malformed.
    const code = (error.extensions?.code as string | undefined) ?? 'BAD_USER_INPUT';
    return new GraphQLError(error.message, { ...base, extensions: { code } });
  }

  const errorId = randomUUID();
  logger.error({ msg: 'unexpected error while serving GraphQL', errorId, error: original }, original.stack);
  return new GraphQLError(`Internal error; quote error id ${errorId} when reporting it.`, {
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  });
}

/** Mercurius hook: map every error and answer 200 when execution ran (errors live in the body), else 400. */
export function mercuriusErrorFormatter(execution: ExecutionResult): { statusCode: number; response: ExecutionResult } {
  // Mercurius reports a query that fails validation as one error carrying the GraphQL errors in `errors`.
  const flat = (execution.errors ?? []).flatMap((error: unknown) => {
    const nested =
      (error as { errors?: unknown }).errors ??
      ((error as GraphQLError).originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(nested) ? nested : [error];
  });
  const errors = flat.map((error) =>
    error instanceof GraphQLError ? formatError(error) : formatError(new GraphQLError(String(error))),
  );
  const executed = execution.data !== undefined;
  return { statusCode: executed ? 200 : 400, response: { data: execution.data ?? null, errors } };
}
