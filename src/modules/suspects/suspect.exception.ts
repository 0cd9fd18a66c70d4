import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum SuspectErrorReason {
  SUSPECT_NOT_FOUND = 'SUSPECT_NOT_FOUND',
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  /** The actor sees the case but does not work its criminal side (investigation, prosecution). */
  NOT_LAW_ENFORCEMENT = 'NOT_LAW_ENFORCEMENT',
  INVALID_FIELD = 'INVALID_FIELD',
  EVENT_DATE_INVALID = 'EVENT_DATE_INVALID',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  SUSPECT_VERSION_CONFLICT = 'SUSPECT_VERSION_CONFLICT',
}

const KIND: Record<SuspectErrorReason, ErrorKind> = {
  SUSPECT_NOT_FOUND: ErrorKind.NOT_FOUND,
  CASE_NOT_FOUND: ErrorKind.NOT_FOUND,
  NOT_LAW_ENFORCEMENT: ErrorKind.FORBIDDEN,
  INVALID_FIELD: ErrorKind.BAD_USER_INPUT,
  EVENT_DATE_INVALID: ErrorKind.BAD_USER_INPUT,
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  SUSPECT_VERSION_CONFLICT: ErrorKind.CONFLICT,
};

/** Failures of the suspects register. Messages never contain identity values. */
export class SuspectException extends DomainException<SuspectErrorReason> {
  constructor(reason: SuspectErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): SuspectException {
    return new SuspectException(SuspectErrorReason.SUSPECT_NOT_FOUND, `Suspect ${id} was not found.`);
  }
}
