import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation, optionally for one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (!constraint || driverError.constraint === constraint);
}

/** PostgreSQL's foreign_key_violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503';
}

/** PostgreSQL's lock_not_available (a NOWAIT lock someone else holds). */
export function isLockNotAvailable(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '55P03';
}

/**
 * SQLSTATEs of failures that say nothing about the request and pass by themselves: connection exceptions (08…),
 * serialization failure and deadlock (40001, 40P01), insufficient resources (53…), a NOWAIT lock held (55P03), the
 * server shutting down, restarting or not yet accepting connections (57P01–57P03), a cancelled statement (57014).
 */
const TRANSIENT_SQLSTATE = /^(08...|40001|40P01|53...|55P03|57P0[123]|57014)$/;
/** What the pg driver and TypeORM say when the connection itself is gone (these carry no SQLSTATE). */
const CONNECTION_LOST =
  /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Query runner already released|query runner was already released|Connection is not established/i;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL was unreachable, restarting, or refused a transaction only because of another one (serialization
 * failure, deadlock): the same request may succeed in a moment, and nothing of it was committed.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || NETWORK_CODES.has(code))) return true;
    if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
    // TypeORM wraps the driver's error; pg's pool wraps a failed connect in an AggregateError of attempts.
    const next = current as { driverError?: unknown; cause?: unknown; errors?: unknown[] };
    current = next.driverError ?? next.cause ?? (Array.isArray(next.errors) ? next.errors[0] : undefined);
  }
  return false;
}
