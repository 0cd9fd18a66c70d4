import { registerEnumType } from '@nestjs/graphql';

/** Which kind of meeting (seed brief section 5.2, Meeting). */
export enum MeetingType {
  /** A coordination meeting (rapat koordinasi) of a task-force unit. */
  COORDINATION = 'COORDINATION',
  /** With one foreign counterpart country (the 13 March 2024 immigration meeting in Phnom Penh). */
  BILATERAL = 'BILATERAL',
  /** With several countries or a regional body (ASEAN). */
  MULTILATERAL = 'MULTILATERAL',
}

/** How an invited agency took part. */
export enum AttendanceStatus {
  /** Invited; nothing recorded yet. Counts as absent once the meeting has been held. */
  INVITED = 'INVITED',
  PRESENT = 'PRESENT',
  /** Someone attended in the invitee's place (a lower rank, another unit of the agency). */
  REPRESENTED = 'REPRESENTED',
  ABSENT_WITH_NOTICE = 'ABSENT_WITH_NOTICE',
  ABSENT = 'ABSENT',
}

export enum MinutesStatus {
  NONE = 'NONE',
  DRAFT = 'DRAFT',
  CIRCULATED = 'CIRCULATED',
  APPROVED = 'APPROVED',
}

/** How an action item ended, as the meeting judged it when closing it. */
export enum ActionItemOutcome {
  ACHIEVED = 'ACHIEVED',
  PARTLY_ACHIEVED = 'PARTLY_ACHIEVED',
  NOT_ACHIEVED = 'NOT_ACHIEVED',
  /** No longer needed (overtaken by events or by a later decision). */
  SUPERSEDED = 'SUPERSEDED',
}

/** Where an action item stands: its task's status until the meeting closes it with an outcome. */
export enum ActionItemStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  /** The owner reports it done; the meeting has yet to close it. */
  DONE = 'DONE',
  /** The owner declined it; it is back with the meeting's organiser. */
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  REOPENED = 'REOPENED',
  /** The meeting closed it and recorded the outcome. */
  CLOSED = 'CLOSED',
}

registerEnumType(MeetingType, { name: 'MeetingType', description: 'Which kind of meeting.' });
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus', description: 'How an invited agency took part.' });
registerEnumType(MinutesStatus, { name: 'MinutesStatus', description: 'Where the minutes of a meeting stand.' });
registerEnumType(ActionItemOutcome, {
  name: 'ActionItemOutcome',
  description: 'How an action item ended, as the meeting judged it.',
});
registerEnumType(ActionItemStatus, {
  name: 'ActionItemStatus',
  description: "Where an action item stands: its task's status until the meeting closes it.",
});
