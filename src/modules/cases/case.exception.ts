import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum CaseErrorReason {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  REASON_REQUIRED = 'REASON_REQUIRED',
  UNIT_INVALID = 'UNIT_INVALID',
  LEAD_AGENCY_NOT_ELIGIBLE = 'LEAD_AGENCY_NOT_ELIGIBLE',
  NOT_CASE_HOLDER = 'NOT_CASE_HOLDER',
  CASE_VERSION_CONFLICT = 'CASE_VERSION_CONFLICT',
  EVENT_DATE_INVALID = 'EVENT_DATE_INVALID',
  /** The agency named to take part does not exist or is inactive. */
  PARTICIPANT_INVALID = 'PARTICIPANT_INVALID',
  ROLE_DOES_NOT_FIT = 'ROLE_DOES_NOT_FIT',
  ALREADY_PARTICIPATING = 'ALREADY_PARTICIPATING',
  NOT_PARTICIPATING = 'NOT_PARTICIPATING',
  ALREADY_LEAD = 'ALREADY_LEAD',
  /** The lead's own participation cannot end; hand the lead over first. */
  LEAD_PARTICIPATION = 'LEAD_PARTICIPATION',
  /** The actor sees the case but is neither its lead agency nor its unit secretariat. */
  NOT_CASE_TEAM_MANAGER = 'NOT_CASE_TEAM_MANAGER',
  /** A comment names one of the case's people; use their codes. */
  IDENTITY_IN_TEXT = 'IDENTITY_IN_TEXT',
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
  EVENT_DATE_INVALID: ErrorKind.BAD_USER_INPUT,
  PARTICIPANT_INVALID: ErrorKind.BAD_USER_INPUT,
  ROLE_DOES_NOT_FIT: ErrorKind.BAD_USER_INPUT,
  // The team already holds the agency (often: someone else added it first).
  ALREADY_PARTICIPATING: ErrorKind.CONFLICT,
  NOT_PARTICIPATING: ErrorKind.BAD_USER_INPUT,
  ALREADY_LEAD: ErrorKind.CONFLICT,
  LEAD_PARTICIPATION: ErrorKind.BAD_USER_INPUT,
  NOT_CASE_TEAM_MANAGER: ErrorKind.FORBIDDEN,
  IDENTITY_IN_TEXT: ErrorKind.BAD_USER_INPUT,
};

export class CaseException extends DomainException<CaseErrorReason> {
  constructor(reason: CaseErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): CaseException {
    return new CaseException(CaseErrorReason.CASE_NOT_FOUND, `Case ${id} was not found.`);
  }
}
