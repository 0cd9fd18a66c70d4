import { registerEnumType } from '@nestjs/graphql';

/** The formal decision on whether a person is a victim of trafficking (kept apart from self-identification). */
export enum IdentificationStatus {
  PRESUMED = 'PRESUMED',
  IDENTIFIED = 'IDENTIFIED',
  NOT_A_VICTIM = 'NOT_A_VICTIM',
}

/** What the person says of themselves, whatever the agencies decide. */
export enum SelfIdentification {
  SELF_IDENTIFIES = 'SELF_IDENTIFIES',
  DOES_NOT_SELF_IDENTIFY = 'DOES_NOT_SELF_IDENTIFY',
  NOT_ASKED = 'NOT_ASKED',
}

/** Where the person is on the protection track (DOMAIN.md section 3), with its exits. */
export enum ProtectionStatus {
  IDENTIFIED = 'IDENTIFIED',
  IN_SHELTER_ABROAD = 'IN_SHELTER_ABROAD',
  AWAITING_REPATRIATION = 'AWAITING_REPATRIATION',
  REPATRIATED = 'REPATRIATED',
  IN_REHABILITATION = 'IN_REHABILITATION',
  REINTEGRATED = 'REINTEGRATED',
  LOST_TO_FOLLOW_UP = 'LOST_TO_FOLLOW_UP',
  RE_MIGRATED = 'RE_MIGRATED',
  DECLINED_ASSISTANCE = 'DECLINED_ASSISTANCE',
}

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  OTHER = 'OTHER',
  UNKNOWN = 'UNKNOWN',
}

/** Age at registration in bands (the register keeps bands, not ages, outside the encrypted identity). */
export enum AgeBand {
  CHILD_0_11 = 'CHILD_0_11',
  CHILD_12_17 = 'CHILD_12_17',
  ADULT_18_24 = 'ADULT_18_24',
  ADULT_25_34 = 'ADULT_25_34',
  ADULT_35_49 = 'ADULT_35_49',
  ADULT_50_PLUS = 'ADULT_50_PLUS',
  UNKNOWN = 'UNKNOWN',
}

/** Why an agency may hold a victim's identity (DOMAIN.md section 9: consent is per recipient and purpose). */
export enum ConsentPurpose {
  SERVICE_REFERRAL = 'SERVICE_REFERRAL',
  CASE_COORDINATION = 'CASE_COORDINATION',
  REPATRIATION = 'REPATRIATION',
  LEGAL_PROCEEDINGS = 'LEGAL_PROCEEDINGS',
  FAMILY_TRACING = 'FAMILY_TRACING',
}

/** How the person gave consent. */
export enum ConsentMethod {
  WRITTEN_SIGNED = 'WRITTEN_SIGNED',
  VERBAL_WITNESSED = 'VERBAL_WITNESSED',
  THUMBPRINT = 'THUMBPRINT',
  GUARDIAN_ON_BEHALF = 'GUARDIAN_ON_BEHALF',
  ELECTRONIC = 'ELECTRONIC',
}

/** What a possible duplicate was matched on. */
export enum DuplicateMatch {
  PASSPORT = 'PASSPORT',
  NATIONAL_ID = 'NATIONAL_ID',
  /** A similar name with the same date of birth and region of origin. */
  CLOSE_MATCH = 'CLOSE_MATCH',
}

export enum DuplicateFlagStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

registerEnumType(IdentificationStatus, {
  name: 'IdentificationStatus',
  description: 'Formal identification decision: PRESUMED, IDENTIFIED or NOT_A_VICTIM.',
});
registerEnumType(SelfIdentification, {
  name: 'SelfIdentification',
  description: 'Whether the person sees themselves as a victim, recorded apart from the formal decision.',
});
registerEnumType(ProtectionStatus, {
  name: 'ProtectionStatus',
  description:
    'Protection track: IDENTIFIED → IN_SHELTER_ABROAD → AWAITING_REPATRIATION → REPATRIATED → IN_REHABILITATION → REINTEGRATED; exits LOST_TO_FOLLOW_UP, RE_MIGRATED, DECLINED_ASSISTANCE.',
});
registerEnumType(Sex, { name: 'Sex', description: 'Sex as recorded at registration.' });
registerEnumType(AgeBand, { name: 'AgeBand', description: 'Age band at registration.' });
registerEnumType(ConsentPurpose, { name: 'ConsentPurpose', description: 'What identity may be shared for.' });
registerEnumType(ConsentMethod, { name: 'ConsentMethod', description: 'How consent was given.' });
registerEnumType(DuplicateMatch, {
  name: 'DuplicateMatch',
  description: 'What a possible duplicate matched on: PASSPORT, NATIONAL_ID or CLOSE_MATCH (name, birth date, origin).',
});
registerEnumType(DuplicateFlagStatus, { name: 'DuplicateFlagStatus', description: 'OPEN until reconciled.' });
