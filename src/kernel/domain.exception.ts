/**
 * The kinds of failure a client can branch on. Each maps to exactly one GraphQL `extensions.code`
 * (src/graphql/error-formatter.ts).
 */
export enum ErrorKind {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** Refused for now (sign-in throttling); the error says when to try again. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

/**
 * Base of every module's exception. `reason` is the module's own string code (e.g. `AGENCY_CODE_TAKEN`),
 * `field` names the input field at fault when there is one, `details` carries further safe facts for the client
 * (e.g. `retryAfterSeconds`). Messages are safe to show to the caller.
 */
export abstract class DomainException<Reason extends string = string> extends Error {
  protected constructor(
    readonly kind: ErrorKind,
    readonly reason: Reason,
    message: string,
    readonly field?: string,
    readonly details?: Readonly<Record<string, string | number | boolean | readonly string[]>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Errors raised by shared infrastructure (validation, authentication, access) rather than a domain module. */
export class RequestException extends DomainException {
  static invalidInput(message: string, field?: string, fields?: readonly string[]): RequestException {
    const details = fields && fields.length > 1 ? { fields } : undefined;
    return new RequestException(ErrorKind.BAD_USER_INPUT, 'INVALID_INPUT', message, field, details);
  }

  static unauthenticated(message = 'You need to log in to do this.'): RequestException {
    return new RequestException(ErrorKind.UNAUTHENTICATED, 'UNAUTHENTICATED', message);
  }

  static forbidden(message = 'Your role does not allow this operation.'): RequestException {
    return new RequestException(ErrorKind.FORBIDDEN, 'FORBIDDEN', message);
  }

  static notFound(what: string, id: string): RequestException {
    return new RequestException(ErrorKind.NOT_FOUND, 'NOT_FOUND', `${what} ${id} was not found.`);
  }

  static conflict(message: string): RequestException {
    return new RequestException(ErrorKind.CONFLICT, 'CONFLICT', message);
  }

  private constructor(
    kind: ErrorKind,
    reason: string,
    message: string,
    field?: string,
    details?: DomainException['details'],
  ) {
    super(kind, reason, message, field, details);
  }
}
