import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum ReferralErrorReason {
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  WRONG_SIDE = 'WRONG_SIDE',
  REASON_REQUIRED = 'REASON_REQUIRED',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  PROVIDER_INVALID = 'PROVIDER_INVALID',
  PROVIDER_INCAPABLE = 'PROVIDER_INCAPABLE',
  CAPACITY_GAP_REQUIRED = 'CAPACITY_GAP_REQUIRED',
  NOT_REROUTABLE = 'NOT_REROUTABLE',
  REFERRAL_VERSION_CONFLICT = 'REFERRAL_VERSION_CONFLICT',
  /** One or more people of a group referral cannot be referred; nothing was written (extensions.problems). */
  GROUP_INVALID = 'GROUP_INVALID',
}

const KIND: Record<ReferralErrorReason, ErrorKind> = {
  REFERRAL_NOT_FOUND: ErrorKind.NOT_FOUND,
  // The referral's state conflicts with the request (often: someone else acted first).
  ILLEGAL_TRANSITION: ErrorKind.CONFLICT,
  WRONG_SIDE: ErrorKind.FORBIDDEN,
  REASON_REQUIRED: ErrorKind.BAD_USER_INPUT,
  CONSENT_REQUIRED: ErrorKind.BAD_USER_INPUT,
  PROVIDER_INVALID: ErrorKind.BAD_USER_INPUT,
  PROVIDER_INCAPABLE: ErrorKind.BAD_USER_INPUT,
  CAPACITY_GAP_REQUIRED: ErrorKind.BAD_USER_INPUT,
  NOT_REROUTABLE: ErrorKind.CONFLICT,
  REFERRAL_VERSION_CONFLICT: ErrorKind.CONFLICT,
  GROUP_INVALID: ErrorKind.BAD_USER_INPUT,
};

export class ReferralException extends DomainException<ReferralErrorReason> {
  constructor(reason: ReferralErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): ReferralException {
    return new ReferralException(ReferralErrorReason.REFERRAL_NOT_FOUND, `Referral ${id} was not found.`);
  }
}
