import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum AuthErrorReason {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
}

const KIND: Record<AuthErrorReason, ErrorKind> = {
  INVALID_CREDENTIALS: ErrorKind.UNAUTHENTICATED,
  WRONG_CURRENT_PASSWORD: ErrorKind.BAD_USER_INPUT,
  WEAK_PASSWORD: ErrorKind.BAD_USER_INPUT,
  TOO_MANY_ATTEMPTS: ErrorKind.TOO_MANY_REQUESTS,
  USER_NOT_FOUND: ErrorKind.NOT_FOUND,
};

export class AuthException extends DomainException<AuthErrorReason> {
  constructor(reason: AuthErrorReason, message: string, field?: string, details?: DomainException['details']) {
    super(KIND[reason], reason, message, field, details);
  }
}
