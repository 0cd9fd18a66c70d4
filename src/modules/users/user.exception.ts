import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum UserErrorReason {
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  USER_AGENCY_NOT_FOUND = 'USER_AGENCY_NOT_FOUND',
  SUPERVISOR_NOT_FOUND = 'SUPERVISOR_NOT_FOUND',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  USER_ALREADY_INACTIVE = 'USER_ALREADY_INACTIVE',
  CANNOT_DEACTIVATE_SELF = 'CANNOT_DEACTIVATE_SELF',
}

const KIND: Record<UserErrorReason, ErrorKind> = {
  USER_NOT_FOUND: ErrorKind.NOT_FOUND,
  EMAIL_TAKEN: ErrorKind.CONFLICT,
  USER_AGENCY_NOT_FOUND: ErrorKind.BAD_USER_INPUT,
  SUPERVISOR_NOT_FOUND: ErrorKind.BAD_USER_INPUT,
  WEAK_PASSWORD: ErrorKind.BAD_USER_INPUT,
  USER_ALREADY_INACTIVE: ErrorKind.CONFLICT,
  CANNOT_DEACTIVATE_SELF: ErrorKind.BAD_USER_INPUT,
};

export class UserException extends DomainException<UserErrorReason> {
  constructor(reason: UserErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): UserException {
    return new UserException(UserErrorReason.USER_NOT_FOUND, `User ${id} was not found.`);
  }
}
