import { isTransientDatabaseError } from '@app/database/db-errors';

/** Node's codes for a peer that cannot be reached or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
/**
 * nodemailer's codes for a mail server that is away, slow or misconfigured (connection, timeout, socket, DNS, TLS,
 * login, protocol): nothing about this message, so it may go through later.
 */
const SMTP_TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ENOAUTH',
  'EPROTOCOL',
  'EMAXLIMIT',
]);
/** ioredis when Redis is away. */
const REDIS_GONE = /Connection is closed|Stream isn't writeable|MaxRetriesPerRequest|ECONNREFUSED|LOADING|READONLY/;

/** An error that says "try again later" about this delivery, thrown by the delivery code itself. */
export class TransientDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientDeliveryError';
  }
}

/**
 * Whether a job failed for a reason that passes by itself: PostgreSQL, Redis or the mail server away or busy, an
 * SMTP 4xx answer. Everything else is permanent: a 5xx answer (a refused recipient, a message the server will never
 * take), a malformed payload, a bug. Permanent failures of a delivery make it FAILED at once instead of being
 * retried for DELIVERY_RETRY_SPAN_MS.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof TransientDeliveryError) return true;
  if (isTransientDatabaseError(error)) return true;
  if (!error || typeof error !== 'object') return false;
  const { code, responseCode, message, name } = error as {
    code?: unknown;
    responseCode?: unknown;
    message?: unknown;
    name?: unknown;
  };
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SMTP_TRANSIENT_CODES.has(code))) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  return typeof message === 'string' && REDIS_GONE.test(message) && !/^Malformed /.test(message);
}

/** The message of an error, cut to fit a column (never a stack trace). */
export function failureMessage(error: unknown, max = 500): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, max);
}
