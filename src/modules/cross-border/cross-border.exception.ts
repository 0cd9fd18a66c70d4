import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum CrossBorderErrorReason {
  REQUEST_NOT_FOUND = 'REQUEST_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  WRONG_SIDE = 'WRONG_SIDE',
  REASON_REQUIRED = 'REASON_REQUIRED',
  COUNTERPART_INVALID = 'COUNTERPART_INVALID',
  HOME_AGENCY_INVALID = 'HOME_AGENCY_INVALID',
  LEGAL_BASIS_INVALID = 'LEGAL_BASIS_INVALID',
  LINK_NOT_FOUND = 'LINK_NOT_FOUND',
  DEADLINE_INVALID = 'DEADLINE_INVALID',
  CLOCK_PAUSED = 'CLOCK_PAUSED',
  CLOCK_NOT_PAUSED = 'CLOCK_NOT_PAUSED',
  REPLY_INVALID = 'REPLY_INVALID',
  REQUEST_VERSION_CONFLICT = 'REQUEST_VERSION_CONFLICT',
}

const KIND: Record<CrossBorderErrorReason, ErrorKind> = {
  REQUEST_NOT_FOUND: ErrorKind.NOT_FOUND,
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  WRONG_SIDE: ErrorKind.FORBIDDEN,
  REASON_REQUIRED: ErrorKind.BAD_USER_INPUT,
  COUNTERPART_INVALID: ErrorKind.BAD_USER_INPUT,
  HOME_AGENCY_INVALID: ErrorKind.BAD_USER_INPUT,
  LEGAL_BASIS_INVALID: ErrorKind.BAD_USER_INPUT,
  // Answered exactly as a case or person that does not exist: linking never reveals what the filer may not see.
  LINK_NOT_FOUND: ErrorKind.NOT_FOUND,
  DEADLINE_INVALID: ErrorKind.BAD_USER_INPUT,
  CLOCK_PAUSED: ErrorKind.CONFLICT,
  CLOCK_NOT_PAUSED: ErrorKind.CONFLICT,
  REPLY_INVALID: ErrorKind.BAD_USER_INPUT,
  REQUEST_VERSION_CONFLICT: ErrorKind.CONFLICT,
};

export class CrossBorderException extends DomainException<CrossBorderErrorReason> {
  constructor(reason: CrossBorderErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): CrossBorderException {
    return new CrossBorderException(
      CrossBorderErrorReason.REQUEST_NOT_FOUND,
      `Cross-border request ${id} was not found.`,
    );
  }
}
