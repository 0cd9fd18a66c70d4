import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum RepatriationErrorReason {
  OPERATION_NOT_FOUND = 'OPERATION_NOT_FOUND',
  MILESTONE_NOT_FOUND = 'MILESTONE_NOT_FOUND',
  PLAN_NOT_FOUND = 'PLAN_NOT_FOUND',
  FOLLOW_UP_NOT_FOUND = 'FOLLOW_UP_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  WRONG_SIDE = 'WRONG_SIDE',
  REASON_REQUIRED = 'REASON_REQUIRED',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  /** The acting agency is neither of the operation's responsible agencies. */
  NOT_RESPONSIBLE = 'NOT_RESPONSIBLE',
  AGENCY_INVALID = 'AGENCY_INVALID',
  /** A person, case or request the caller cannot see: answered like one that does not exist. */
  LINKED_RECORD_NOT_FOUND = 'LINKED_RECORD_NOT_FOUND',
  /** A responsible agency that does not take part in a person's case would not see the person. */
  AGENCY_NOT_IN_CASE = 'AGENCY_NOT_IN_CASE',
  ALREADY_ON_OPERATION = 'ALREADY_ON_OPERATION',
  NOT_ON_OPERATION = 'NOT_ON_OPERATION',
  DATE_INVALID = 'DATE_INVALID',
  PEOPLE_NOT_READY = 'PEOPLE_NOT_READY',
  NOT_IN_PLAN = 'NOT_IN_PLAN',
  NO_POLICY = 'NO_POLICY',
}

const KIND: Record<RepatriationErrorReason, ErrorKind> = {
  OPERATION_NOT_FOUND: ErrorKind.NOT_FOUND,
  MILESTONE_NOT_FOUND: ErrorKind.NOT_FOUND,
  PLAN_NOT_FOUND: ErrorKind.NOT_FOUND,
  FOLLOW_UP_NOT_FOUND: ErrorKind.NOT_FOUND,
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  WRONG_SIDE: ErrorKind.FORBIDDEN,
  REASON_REQUIRED: ErrorKind.BAD_USER_INPUT,
  VERSION_CONFLICT: ErrorKind.CONFLICT,
  NOT_RESPONSIBLE: ErrorKind.BAD_USER_INPUT,
  AGENCY_INVALID: ErrorKind.BAD_USER_INPUT,
  LINKED_RECORD_NOT_FOUND: ErrorKind.NOT_FOUND,
  AGENCY_NOT_IN_CASE: ErrorKind.BAD_USER_INPUT,
  ALREADY_ON_OPERATION: ErrorKind.BAD_USER_INPUT,
  NOT_ON_OPERATION: ErrorKind.BAD_USER_INPUT,
  DATE_INVALID: ErrorKind.BAD_USER_INPUT,
  PEOPLE_NOT_READY: ErrorKind.BAD_USER_INPUT,
  NOT_IN_PLAN: ErrorKind.BAD_USER_INPUT,
  NO_POLICY: ErrorKind.CONFLICT,
};

/** Every refusal of the repatriation module: a reason code, a safe message and the input field at fault. */
export class RepatriationException extends DomainException<RepatriationErrorReason> {
  constructor(reason: RepatriationErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static invalid(reason: RepatriationErrorReason, field: string, message: string): RepatriationException {
    return new RepatriationException(reason, `${field}: ${message}`, field);
  }
}
