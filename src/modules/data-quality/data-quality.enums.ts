import { registerEnumType } from '@nestjs/graphql';

/** The nightly checks (DOMAIN.md section 8: numbers must be trustworthy before they are counted). */
export enum DataQualityCheck {
  /** A registration matched another agency's record and the secretariat has not reconciled the two yet. */
  POSSIBLE_DUPLICATE_OPEN = 'POSSIBLE_DUPLICATE_OPEN',
  /** A person identified (or presumed) N days ago has no referral to any service. */
  NO_REFERRAL_AFTER_IDENTIFICATION = 'NO_REFERRAL_AFTER_IDENTIFICATION',
  /** A case with victims has no suspect recorded N days after it was reported. */
  CASE_WITHOUT_SUSPECT = 'CASE_WITHOUT_SUSPECT',
  /** An item has sat in one status longer than the policy allows (stuck-status-policies.ts). */
  STUCK_IN_STATUS = 'STUCK_IN_STATUS',
  /** A figure was recorded long after its event (more than N days), in the last 30 days. */
  ENTERED_LATE = 'ENTERED_LATE',
}

/** The kind of record an issue is about (its code is the record's reference or pseudonymous code). */
export enum DataQualityRecordType {
  VICTIM = 'VICTIM',
  CASE = 'CASE',
  POSSIBLE_DUPLICATE = 'POSSIBLE_DUPLICATE',
  REFERRAL = 'REFERRAL',
  TASK = 'TASK',
  /** One step of a repatriation operation (its reference, RMS-…). */
  REPATRIATION_MILESTONE = 'REPATRIATION_MILESTONE',
}

registerEnumType(DataQualityCheck, {
  name: 'DataQualityCheck',
  description: 'A nightly data-quality check.',
  valuesMap: {
    POSSIBLE_DUPLICATE_OPEN: { description: 'A possible duplicate person still open.' },
    NO_REFERRAL_AFTER_IDENTIFICATION: { description: 'No referral N days after identification.' },
    CASE_WITHOUT_SUSPECT: { description: 'A case with victims and no suspect after N days.' },
    STUCK_IN_STATUS: { description: 'An item in one status longer than policy allows.' },
    ENTERED_LATE: { description: 'A figure recorded long after the event it counts.' },
  },
});
registerEnumType(DataQualityRecordType, { name: 'DataQualityRecordType', description: 'What an issue is about.' });
