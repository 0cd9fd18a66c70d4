import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum CaseErrorReason {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  REASON_REQUIRED = 'REASON_REQUIRED',
  UNIT_INVALID = 'UNIT_INVALID',
  LEAD_AGENCY_NOT_ELIGIBLE = 'LEAD_AGENCY_NOT_ELIGIBLE',
  NOT_CASE_HOLDER = 'NOT_CASE_HOLDER',
  CASE_VERSION_CONFLICT = 'CASE_VERSION_CONFLICT',
}

const KIND: Record<CaseErrorReason, ErrorKind> = {
  CASE_NOT_FOUND: ErrorKind.NOT_FOUND,
  // The case's current status conflicts with the request (often: someone else moved it first).
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  REASON_REQUIRED: ErrorKind.BAD_USER_INPUT,
  UNIT_INVALID: ErrorKind.BAD_USER_INPUT,
  // The actor's own agency cannot lead a case (a partner, an international organisation, inactive …).
  LEAD_AGENCY_NOT_ELIGIBLE: ErrorKind.FORBIDDEN,
  // The actor sees the case (e.g. as a unit secretariat) but does not work for its lead agency.
  NOT_CASE_HOLDER: ErrorKind.FORBIDDEN,
  CASE_VERSION_CONFLICT: ErrorKind.CONFLICT,
};

export class CaseException extends DomainException<CaseErrorReason> {
  constructor(reason: CaseErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): CaseException {
    return new CaseException(CaseErrorReason.CASE_NOT_FOUND, `Case ${id} was not found.`);
  }
}
