import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum LegalInstrumentErrorReason {
  INSTRUMENT_NOT_FOUND = 'INSTRUMENT_NOT_FOUND',
  INSTRUMENT_CODE_TAKEN = 'INSTRUMENT_CODE_TAKEN',
  COMMITMENT_NOT_FOUND = 'COMMITMENT_NOT_FOUND',
  COMMITMENT_CODE_TAKEN = 'COMMITMENT_CODE_TAKEN',
  PARTY_AGENCY_NOT_FOUND = 'PARTY_AGENCY_NOT_FOUND',
  INVALID_PERIOD = 'INVALID_PERIOD',
  INSTRUMENT_VERSION_CONFLICT = 'INSTRUMENT_VERSION_CONFLICT',
}

const KIND: Record<LegalInstrumentErrorReason, ErrorKind> = {
  INSTRUMENT_NOT_FOUND: ErrorKind.NOT_FOUND,
  INSTRUMENT_CODE_TAKEN: ErrorKind.CONFLICT,
  COMMITMENT_NOT_FOUND: ErrorKind.NOT_FOUND,
  COMMITMENT_CODE_TAKEN: ErrorKind.CONFLICT,
  PARTY_AGENCY_NOT_FOUND: ErrorKind.BAD_USER_INPUT,
  INVALID_PERIOD: ErrorKind.BAD_USER_INPUT,
  INSTRUMENT_VERSION_CONFLICT: ErrorKind.CONFLICT,
};

export class LegalInstrumentException extends DomainException<LegalInstrumentErrorReason> {
  constructor(reason: LegalInstrumentErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }
}
