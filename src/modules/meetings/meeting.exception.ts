import { DomainException, ErrorKind } from '@app/kernel/domain.exception';

export enum MeetingErrorReason {
  MEETING_NOT_FOUND = 'MEETING_NOT_FOUND',
  ACTION_ITEM_NOT_FOUND = 'ACTION_ITEM_NOT_FOUND',
  UNIT_INVALID = 'UNIT_INVALID',
  /** The actor's agency does not convene meetings of this unit (not a member), or does not act for this meeting. */
  NOT_FOR_YOUR_AGENCY = 'NOT_FOR_YOUR_AGENCY',
  INVITEE_INVALID = 'INVITEE_INVALID',
  COUNTERPART_REQUIRED = 'COUNTERPART_REQUIRED',
  TIME_INVALID = 'TIME_INVALID',
  NOT_ON_ATTENDANCE_LIST = 'NOT_ON_ATTENDANCE_LIST',
  ATTENDANCE_STATUS_INVALID = 'ATTENDANCE_STATUS_INVALID',
  PLACE_REQUIRED = 'PLACE_REQUIRED',
  MINUTES_STATUS_INVALID = 'MINUTES_STATUS_INVALID',
  MEETING_NOT_HELD = 'MEETING_NOT_HELD',
  DUPLICATE_ENTRY = 'DUPLICATE_ENTRY',
  OWNER_INVALID = 'OWNER_INVALID',
  DUE_REQUIRED = 'DUE_REQUIRED',
  DUE_IN_PAST = 'DUE_IN_PAST',
  ASSIGNEE_USER_INVALID = 'ASSIGNEE_USER_INVALID',
  COMMITMENT_NOT_FOUND = 'COMMITMENT_NOT_FOUND',
  ALREADY_CLOSED = 'ALREADY_CLOSED',
  CLOSING_MEETING_INVALID = 'CLOSING_MEETING_INVALID',
  MEETING_VERSION_CONFLICT = 'MEETING_VERSION_CONFLICT',
}

const KIND: Record<MeetingErrorReason, ErrorKind> = {
  MEETING_NOT_FOUND: ErrorKind.NOT_FOUND,
  ACTION_ITEM_NOT_FOUND: ErrorKind.NOT_FOUND,
  UNIT_INVALID: ErrorKind.BAD_USER_INPUT,
  NOT_FOR_YOUR_AGENCY: ErrorKind.FORBIDDEN,
  INVITEE_INVALID: ErrorKind.BAD_USER_INPUT,
  COUNTERPART_REQUIRED: ErrorKind.BAD_USER_INPUT,
  TIME_INVALID: ErrorKind.BAD_USER_INPUT,
  NOT_ON_ATTENDANCE_LIST: ErrorKind.BAD_USER_INPUT,
  ATTENDANCE_STATUS_INVALID: ErrorKind.BAD_USER_INPUT,
  PLACE_REQUIRED: ErrorKind.BAD_USER_INPUT,
  MINUTES_STATUS_INVALID: ErrorKind.BAD_USER_INPUT,
  MEETING_NOT_HELD: ErrorKind.BAD_USER_INPUT,
  DUPLICATE_ENTRY: ErrorKind.BAD_USER_INPUT,
  OWNER_INVALID: ErrorKind.BAD_USER_INPUT,
  DUE_REQUIRED: ErrorKind.BAD_USER_INPUT,
  DUE_IN_PAST: ErrorKind.BAD_USER_INPUT,
  ASSIGNEE_USER_INVALID: ErrorKind.BAD_USER_INPUT,
  COMMITMENT_NOT_FOUND: ErrorKind.BAD_USER_INPUT,
  // Someone closed it first (or it was closed long ago): the state conflicts with the request.
  ALREADY_CLOSED: ErrorKind.CONFLICT,
  CLOSING_MEETING_INVALID: ErrorKind.BAD_USER_INPUT,
  MEETING_VERSION_CONFLICT: ErrorKind.CONFLICT,
};

export class MeetingException extends DomainException<MeetingErrorReason> {
  constructor(reason: MeetingErrorReason, message: string, field?: string) {
    super(KIND[reason], reason, message, field);
  }

  static notFound(id: string): MeetingException {
    return new MeetingException(MeetingErrorReason.MEETING_NOT_FOUND, `Meeting ${id} was not found.`);
  }

  static actionItemNotFound(id: string): MeetingException {
    return new MeetingException(MeetingErrorReason.ACTION_ITEM_NOT_FOUND, `Action item ${id} was not found.`);
  }
}
