import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum VictimErrorReason {
  VICTIM_NOT_FOUND = 'VICTIM_NOT_FOUND',
  INVALID_IDENTITY = 'INVALID_IDENTITY',
  INVALID_FIELD = 'INVALID_FIELD',
  /** The same passport or NIK is in a record the caller may see: here is where. */
  DUPLICATE_VICTIM = 'DUPLICATE_VICTIM',
  /**
   * A similar name with the same date of birth and origin in a record the caller may see: confirm it is someone
   * else. (Matches with records the caller may not see are never refused: see commands/registration-matches.ts.)
   */
  CLOSE_MATCH = 'CLOSE_MATCH',
  NOT_OWNER = 'NOT_OWNER',
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  RECIPIENT_INVALID = 'RECIPIENT_INVALID',
  CONSENT_NOT_FOUND = 'CONSENT_NOT_FOUND',
  CONSENT_EXISTS = 'CONSENT_EXISTS',
  CONSENT_REVOKED = 'CONSENT_REVOKED',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  REASON_REQUIRED = 'REASON_REQUIRED',
  VICTIM_VERSION_CONFLICT = 'VICTIM_VERSION_CONFLICT',
  /** The actor sees the person but neither owns the record nor takes part in the person's case. */
  NOT_PARTICIPANT = 'NOT_PARTICIPANT',
  EVENT_DATE_INVALID = 'EVENT_DATE_INVALID',
  /** A note names the person; use the code. */
  IDENTITY_IN_TEXT = 'IDENTITY_IN_TEXT',
  PROVIDER_INVALID = 'PROVIDER_INVALID',
  /** One or more rows of a group operation are invalid; nothing was written (extensions.problems lists them). */
  GROUP_INVALID = 'GROUP_INVALID',
}

const KIND: Record<VictimErrorReason, ErrorKind> = {
  VICTIM_NOT_FOUND: ErrorKind.NOT_FOUND,
  INVALID_IDENTITY: ErrorKind.BAD_USER_INPUT,
  INVALID_FIELD: ErrorKind.BAD_USER_INPUT,
  DUPLICATE_VICTIM: ErrorKind.CONFLICT,
  CLOSE_MATCH: ErrorKind.CONFLICT,
  NOT_OWNER: ErrorKind.FORBIDDEN,
  // A case the registering officer may not see answers exactly as one that does not exist.
  CASE_NOT_FOUND: ErrorKind.NOT_FOUND,
  RECIPIENT_INVALID: ErrorKind.BAD_USER_INPUT,
  CONSENT_NOT_FOUND: ErrorKind.NOT_FOUND,
  CONSENT_EXISTS: ErrorKind.CONFLICT,
  CONSENT_REVOKED: ErrorKind.CONFLICT,
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  REASON_REQUIRED: ErrorKind.BAD_USER_INPUT,
  VICTIM_VERSION_CONFLICT: ErrorKind.CONFLICT,
  NOT_PARTICIPANT: ErrorKind.FORBIDDEN,
  EVENT_DATE_INVALID: ErrorKind.BAD_USER_INPUT,
  IDENTITY_IN_TEXT: ErrorKind.BAD_USER_INPUT,
  PROVIDER_INVALID: ErrorKind.BAD_USER_INPUT,
  GROUP_INVALID: ErrorKind.BAD_USER_INPUT,
};

/** Failures of the victim register. Messages never contain identity values. */
export class VictimException extends DomainException<VictimErrorReason> {
  constructor(reason: VictimErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): VictimException {
    return new VictimException(VictimErrorReason.VICTIM_NOT_FOUND, `Victim record ${id} was not found.`);
  }
}
