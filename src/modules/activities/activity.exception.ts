import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum ActivityErrorReason {
  ACTIVITY_NOT_FOUND = 'ACTIVITY_NOT_FOUND',
  DATES_INVALID = 'DATES_INVALID',
  PARTICIPANTS_DO_NOT_ADD_UP = 'PARTICIPANTS_DO_NOT_ADD_UP',
  AGENCY_INVALID = 'AGENCY_INVALID',
  NOT_THE_ORGANISER = 'NOT_THE_ORGANISER',
  NOTHING_CHANGED = 'NOTHING_CHANGED',
  ACTIVITY_VERSION_CONFLICT = 'ACTIVITY_VERSION_CONFLICT',
}

const KIND: Record<ActivityErrorReason, ErrorKind> = {
  ACTIVITY_NOT_FOUND: ErrorKind.NOT_FOUND,
  DATES_INVALID: ErrorKind.BAD_USER_INPUT,
  PARTICIPANTS_DO_NOT_ADD_UP: ErrorKind.BAD_USER_INPUT,
  AGENCY_INVALID: ErrorKind.BAD_USER_INPUT,
  NOT_THE_ORGANISER: ErrorKind.FORBIDDEN,
  NOTHING_CHANGED: ErrorKind.BAD_USER_INPUT,
  ACTIVITY_VERSION_CONFLICT: ErrorKind.CONFLICT,
};

export class ActivityException extends DomainException<ActivityErrorReason> {
  constructor(reason: ActivityErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): ActivityException {
    return new ActivityException(ActivityErrorReason.ACTIVITY_NOT_FOUND, `Activity ${id} was not found.`);
  }
}
