import { registerEnumType } from '@nestjs/graphql';

/** What an indicator's figures can be split by. A figure is split by one or two of them at a time. */
export enum Breakdown {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  /** Province of origin: the first part of the Kemendagri code (53); UNKNOWN when not recorded. */
  ORIGIN_PROVINCE = 'ORIGIN_PROVINCE',
  /** Regency or city of origin (53.71); UNKNOWN when only the province, or nothing, is recorded. */
  ORIGIN_REGENCY = 'ORIGIN_REGENCY',
  DESTINATION_COUNTRY = 'DESTINATION_COUNTRY',
  /** Multi-valued: a case can have several exploitation types. */
  EXPLOITATION_TYPE = 'EXPLOITATION_TYPE',
  SEX = 'SEX',
  AGE_BAND = 'AGE_BAND',
  NATIONALITY = 'NATIONALITY',
  AGENCY = 'AGENCY',
  PILLAR = 'PILLAR',
  DUTY = 'DUTY',
  SERVICE = 'SERVICE',
  COUNTERPART_COUNTRY = 'COUNTERPART_COUNTRY',
  /** Region where an activity or meeting took place: its province, NATIONAL or ABROAD. */
  REGION = 'REGION',
  TARGET_GROUP = 'TARGET_GROUP',
  ACTIVITY_TYPE = 'ACTIVITY_TYPE',
  MEETING_TYPE = 'MEETING_TYPE',
  ATTENDANCE = 'ATTENDANCE',
  TIMELINESS = 'TIMELINESS',
}

/** What one unit of an indicator is. */
export enum IndicatorUnit {
  REPORT = 'REPORT',
  CASE = 'CASE',
  PERSON_IDENTIFIED_AS_VICTIM = 'PERSON_IDENTIFIED_AS_VICTIM',
  PRESUMED_VICTIM = 'PRESUMED_VICTIM',
  SUSPECT = 'SUSPECT',
  REFERRAL = 'REFERRAL',
  SERVICE_DELIVERED = 'SERVICE_DELIVERED',
  PERSON_REPATRIATED = 'PERSON_REPATRIATED',
  PERSON_REINTEGRATED = 'PERSON_REINTEGRATED',
  PERSON_LOST_TO_FOLLOW_UP = 'PERSON_LOST_TO_FOLLOW_UP',
  PERSON_RE_MIGRATED = 'PERSON_RE_MIGRATED',
  CROSS_BORDER_REQUEST = 'CROSS_BORDER_REQUEST',
  TASK = 'TASK',
  ACTIVITY = 'ACTIVITY',
  PARTICIPANT = 'PARTICIPANT',
  MEETING = 'MEETING',
  INVITATION = 'INVITATION',
  ACTION_ITEM = 'ACTION_ITEM',
}

/** Whose records a figure is computed over, and whether small cells are hidden. */
export enum StatisticsScope {
  /** The records of the task-force unit(s) whose secretariat the reader's agency holds: members' records and the unit's region. */
  UNIT_AREA = 'UNIT_AREA',
  /** The reader's own agency's records. */
  OWN_AGENCY = 'OWN_AGENCY',
  /** The whole register, published indicators only, small cells suppressed. */
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(Breakdown, {
  name: 'StatisticsBreakdown',
  description: 'What a figure is split by. EXPLOITATION_TYPE is multi-valued (one record may fall in several cells).',
});
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: 'What one unit of an indicator is.' });
registerEnumType(StatisticsScope, {
  name: 'StatisticsScope',
  description:
    "Whose records a figure covers: UNIT_AREA (a secretariat's unit), OWN_AGENCY, or PUBLISHED (whole register, suppressed).",
});
