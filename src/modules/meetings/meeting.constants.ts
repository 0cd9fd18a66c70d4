import { formatReference } from '@app/kernel/reference';

export const MEETING_REFERENCE_PREFIX = 'MTG';

/** The human reference of a meeting, e.g. MTG-000012. */
export function meetingReference(meeting: { number: number }): string {
  return formatReference(MEETING_REFERENCE_PREFIX, meeting.number);
}

/** The reference of a decision: its meeting's and its number, e.g. MTG-000012/3. */
export function decisionReference(meeting: { number: number }, decision: { number: number }): string {
  return `${meetingReference(meeting)}/${decision.number}`;
}
