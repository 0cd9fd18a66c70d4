import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum AuthErrorReason {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
}

const KIND: Record<AuthErrorReason, ErrorKind> = {
  INVALID_CREDENTIALS: ErrorKind.UNAUTHENTICATED,
  WRONG_CURRENT_PASSWORD: ErrorKind.BAD_USER_INPUT,
  WEAK_PASSWORD: ErrorKind.BAD_USER_INPUT,
};

export class AuthException extends DomainException<AuthErrorReason> {
  constructor(reason: AuthErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }
}
