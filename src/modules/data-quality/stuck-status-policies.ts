import { DataQualityRecordType } from './data-quality.enums';

/**
 * How long an item may sit in a status before the nightly check reports it stuck: policy data, in days (one place
 * to change; the papers ask for aged, unresolved items to be visible). `since` is the column that says when the item
 * took its status, or last changed when the table keeps nothing more precise; for a repatriation milestone, planned
 * PENDING long before it is due, the days count from its due instant.
 */
export interface StuckStatusPolicy {
  recordType: DataQualityRecordType;
  status: string;
  days: number;
}

export const STUCK_STATUS_POLICIES: readonly StuckStatusPolicy[] = [
  // Reported and never verified: the task force does not know yet whether it is trafficking.
  { recordType: DataQualityRecordType.CASE, status: 'REPORTED', days: 30 },
  { recordType: DataQualityRecordType.CASE, status: 'VERIFIED', days: 90 },
  // Accepted by the provider but the service never started.
  { recordType: DataQualityRecordType.REFERRAL, status: 'ACCEPTED', days: 14 },
  { recordType: DataQualityRecordType.TASK, status: 'BLOCKED', days: 14 },
  // Waiting abroad for repatriation (Poipet 2023: 98 days from rescue to return).
  { recordType: DataQualityRecordType.VICTIM, status: 'AWAITING_REPATRIATION', days: 120 },
  // A step of a repatriation still pending two weeks after it was due (the ladder has reached the secretariat).
  { recordType: DataQualityRecordType.REPATRIATION_MILESTONE, status: 'PENDING', days: 14 },
];
