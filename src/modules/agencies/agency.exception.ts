import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum AgencyErrorReason {
  AGENCY_NOT_FOUND = 'AGENCY_NOT_FOUND',
  AGENCY_CODE_TAKEN = 'AGENCY_CODE_TAKEN',
  RELATED_AGENCY_NOT_FOUND = 'RELATED_AGENCY_NOT_FOUND',
  AGENCY_HIERARCHY_CYCLE = 'AGENCY_HIERARCHY_CYCLE',
  AGENCY_VERSION_CONFLICT = 'AGENCY_VERSION_CONFLICT',
  AGENCY_ALREADY_INACTIVE = 'AGENCY_ALREADY_INACTIVE',
}

const KIND: Record<AgencyErrorReason, ErrorKind> = {
  AGENCY_NOT_FOUND: ErrorKind.NOT_FOUND,
  AGENCY_CODE_TAKEN: ErrorKind.CONFLICT,
  RELATED_AGENCY_NOT_FOUND: ErrorKind.BAD_USER_INPUT,
  AGENCY_HIERARCHY_CYCLE: ErrorKind.BAD_USER_INPUT,
  AGENCY_VERSION_CONFLICT: ErrorKind.CONFLICT,
  AGENCY_ALREADY_INACTIVE: ErrorKind.CONFLICT,
};

export class AgencyException extends DomainException<AgencyErrorReason> {
  constructor(reason: AgencyErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): AgencyException {
    return new AgencyException(AgencyErrorReason.AGENCY_NOT_FOUND, `Agency ${id} was not found.`);
  }
}
