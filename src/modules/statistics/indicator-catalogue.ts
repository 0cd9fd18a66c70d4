import { TaskForceDuty as Duty, TaskPillar as Pillar } from '@app/modules/tasks/task.enums';

import { Breakdown as B, IndicatorUnit as U } from './statistics.enums';

/**
 * One indicator of the catalogue: a typed figure derived from the register (DOMAIN.md section 3, "Indicator").
 * The SQL each one reads lives in sources/, keyed by `key`; a spec checks the two agree.
 */
export interface IndicatorDefinition {
  key: string;
  nameId: string;
  nameEn: string;
  unit: U;
  definition: string;
  /** The event date a record counts by (never the day it was recorded). */
  countsBy: string;
  breakdowns: readonly B[];
  sourceTables: readonly string[];
  /** Published: partners and counterparts may read it (as suppressed aggregates of the whole register). */
  published: boolean;
  /** Where the annual task-force report puts it: a duty chapter and a pillar section. */
  duty: Duty;
  pillar: Pillar;
}

const TIME = [B.YEAR, B.QUARTER, B.MONTH] as const;
const PERSON = [
  ...TIME,
  B.ORIGIN_PROVINCE,
  B.ORIGIN_REGENCY,
  B.DESTINATION_COUNTRY,
  B.EXPLOITATION_TYPE,
  B.SEX,
  B.AGE_BAND,
  B.NATIONALITY,
  B.AGENCY,
] as const;
const CASE = [...TIME, B.ORIGIN_PROVINCE, B.ORIGIN_REGENCY, B.DESTINATION_COUNTRY, B.EXPLOITATION_TYPE, B.AGENCY];
const ACTIVITY = [...TIME, B.PILLAR, B.DUTY, B.REGION, B.TARGET_GROUP, B.ACTIVITY_TYPE, B.AGENCY];
const PERSON_TABLES = ['victim', 'trafficking_case', 'agency'];

const PERSON_DESTINATION =
  'Destination country is where the person was rescued or exited, else the case destination when there is only one ' +
  '(UNKNOWN otherwise); exploitation types are the case’s (multi-valued). Age band as recorded at registration.';

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    key: 'REPORTS_RECEIVED',
    nameId: 'Laporan TPPO yang diterima',
    nameEn: 'Trafficking reports received',
    unit: U.REPORT,
    definition:
      'Cases registered from a report or referral of an allegation, whatever their later status. Destination ' +
      'countries and exploitation types are multi-valued (a case may have several).',
    countsBy: 'the day the report was made (reportedOn), else the day the case was opened in its lead agency’s zone',
    breakdowns: CASE,
    sourceTables: ['trafficking_case', 'agency'],
    published: true,
    duty: Duty.LEGAL_DEVELOPMENT,
    pillar: Pillar.PROSECUTION,
  },
  {
    key: 'VICTIMS_IDENTIFIED',
    nameId: 'Orang yang diidentifikasi sebagai korban',
    nameEn: 'People identified as victims',
    unit: U.PERSON_IDENTIFIED_AS_VICTIM,
    definition: `People whose formal identification decision is IDENTIFIED, each counted once. ${PERSON_DESTINATION}`,
    countsBy: 'the day of the identification decision (identifiedOn), else the instant it was recorded',
    breakdowns: PERSON,
    sourceTables: PERSON_TABLES,
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'PRESUMED_VICTIMS',
    nameId: 'Terduga korban',
    nameEn: 'Presumed victims',
    unit: U.PRESUMED_VICTIM,
    definition: `People whose identification decision is PRESUMED (not yet decided), each counted once. ${PERSON_DESTINATION}`,
    countsBy: 'the day of the identification decision (identifiedOn), else the instant it was recorded',
    breakdowns: PERSON,
    sourceTables: PERSON_TABLES,
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'SUSPECTS_RECORDED',
    nameId: 'Tersangka/pelaku yang tercatat',
    nameEn: 'Suspects recorded',
    unit: U.SUSPECT,
    definition:
      'Suspects recorded in cases, each counted once, with the case’s origin, destinations and exploitation types.',
    countsBy: 'the day of the suspect’s first recorded status (identified, named, arrested …)',
    breakdowns: [...CASE, B.NATIONALITY],
    sourceTables: ['suspect', 'suspect_event', 'trafficking_case', 'agency'],
    published: true,
    duty: Duty.LEGAL_DEVELOPMENT,
    pillar: Pillar.PROSECUTION,
  },
  {
    key: 'SUSPECTS_CHARGED',
    nameId: 'Tersangka yang didakwa',
    nameEn: 'Suspects charged',
    unit: U.SUSPECT,
    definition: 'Suspects charged before a court: one per charging recorded on the suspect’s status track.',
    countsBy: 'the day of the charge',
    breakdowns: [...CASE, B.NATIONALITY],
    sourceTables: ['suspect_event', 'suspect', 'trafficking_case', 'agency'],
    published: true,
    duty: Duty.LEGAL_DEVELOPMENT,
    pillar: Pillar.PROSECUTION,
  },
  {
    key: 'REFERRALS_MADE',
    nameId: 'Rujukan layanan',
    nameEn: 'Referrals made',
    unit: U.REFERRAL,
    definition:
      'Referrals of a person to a provider for a service, whatever their answer; AGENCY is the referring agency.',
    countsBy: 'the day the referral was proposed, in the referring agency’s zone',
    breakdowns: [...PERSON, B.SERVICE],
    sourceTables: ['referral', ...PERSON_TABLES],
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'SERVICES_DELIVERED',
    nameId: 'Layanan yang diberikan',
    nameEn: 'Services delivered',
    unit: U.SERVICE_DELIVERED,
    definition: 'Services delivered to people (shelter, medical, legal aid …); AGENCY is the provider.',
    countsBy: 'the day the service was delivered or began',
    breakdowns: [...PERSON, B.SERVICE],
    sourceTables: ['victim_service', ...PERSON_TABLES],
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'PERSONS_REPATRIATED',
    nameId: 'Orang yang dipulangkan',
    nameEn: 'People repatriated',
    unit: U.PERSON_REPATRIATED,
    definition:
      'Returns home: one per time a person’s protection track reached REPATRIATED. A repatriation operation writes ' +
      'that step for everyone who arrived with it, on the day the operation actually arrived; COUNTERPART_COUNTRY is ' +
      `the country that operation left (UNKNOWN for a return recorded on the track alone). ${PERSON_DESTINATION}`,
    countsBy:
      'the day of the return (the protection step’s event date): for people who came home with an operation, the ' +
      'day it actually arrived',
    breakdowns: [...PERSON, B.COUNTERPART_COUNTRY],
    sourceTables: ['victim_event', ...PERSON_TABLES, 'repatriation_operation_person', 'repatriation_operation'],
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'PERSONS_REINTEGRATED',
    nameId: 'Orang yang direintegrasikan',
    nameEn: 'People reintegrated',
    unit: U.PERSON_REINTEGRATED,
    definition:
      'One per time a person’s protection track reached REINTEGRATED: after return, met at the last scheduled ' +
      `follow-up contact of the reintegration plan (or recorded on the track). ${PERSON_DESTINATION}`,
    countsBy: 'the day of the outcome: the follow-up contact that settled it, else the protection step’s event date',
    breakdowns: PERSON,
    sourceTables: ['victim_event', ...PERSON_TABLES],
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'PERSONS_LOST_TO_FOLLOW_UP',
    nameId: 'Orang yang hilang kontak',
    nameEn: 'People lost to follow-up',
    unit: U.PERSON_LOST_TO_FOLLOW_UP,
    definition:
      'One per time a person’s protection track reached LOST_TO_FOLLOW_UP: after return, when the reintegration ' +
      'plan’s follow-up contacts failed to reach the person as many times in a row as the policy says; before return, ' +
      `when recorded on the track. ${PERSON_DESTINATION}`,
    countsBy: 'the day of the outcome: the last unreachable follow-up contact, else the protection step’s event date',
    breakdowns: PERSON,
    sourceTables: ['victim_event', ...PERSON_TABLES],
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'PERSONS_RE_MIGRATED',
    nameId: 'Orang yang bermigrasi kembali',
    nameEn: 'People re-migrated',
    unit: U.PERSON_RE_MIGRATED,
    definition:
      'One per time a person’s protection track reached RE_MIGRATED: a follow-up contact found the person had left ' +
      `again (or it was recorded on the track). ${PERSON_DESTINATION}`,
    countsBy: 'the day of the outcome: the follow-up contact that found it, else the protection step’s event date',
    breakdowns: PERSON,
    sourceTables: ['victim_event', ...PERSON_TABLES],
    published: true,
    duty: Duty.VICTIM_MONITORING,
    pillar: Pillar.PROTECTION,
  },
  {
    key: 'CROSS_BORDER_REQUESTS',
    nameId: 'Permintaan lintas batas',
    nameEn: 'Cross-border requests',
    unit: U.CROSS_BORDER_REQUEST,
    definition: 'Requests submitted to or received from counterparts abroad; AGENCY is the home agency.',
    countsBy: 'the day the request was submitted, in the home agency’s zone',
    breakdowns: [...TIME, B.COUNTERPART_COUNTRY, B.AGENCY],
    sourceTables: ['cross_border_request', 'agency'],
    published: true,
    duty: Duty.TRAINING_AND_COOPERATION,
    pillar: Pillar.PARTNERSHIP,
  },
  {
    key: 'TASKS_ASSIGNED',
    nameId: 'Tugas antarinstansi',
    nameEn: 'Tasks assigned between agencies',
    unit: U.TASK,
    definition: 'Tasks one agency assigned another; AGENCY is the assignee.',
    countsBy: 'the day the task was assigned, in the assignee’s zone',
    breakdowns: [...TIME, B.PILLAR, B.DUTY, B.AGENCY],
    sourceTables: ['task', 'agency'],
    published: false,
    duty: Duty.COORDINATION,
    pillar: Pillar.PARTNERSHIP,
  },
  {
    key: 'ACTIVITIES_HELD',
    nameId: 'Kegiatan pencegahan, pelatihan dan kemitraan',
    nameEn: 'Prevention, training and partnership activities',
    unit: U.ACTIVITY,
    definition:
      'Activities recorded by their organising agencies (socialisations, trainings, campaigns, talk shows …).',
    countsBy: 'the first day of the activity',
    breakdowns: ACTIVITY,
    sourceTables: ['activity', 'agency'],
    published: true,
    duty: Duty.TRAINING_AND_COOPERATION,
    pillar: Pillar.PREVENTION,
  },
  {
    key: 'ACTIVITY_PARTICIPANTS',
    nameId: 'Peserta kegiatan',
    nameEn: 'Participants in activities',
    unit: U.PARTICIPANT,
    definition:
      'People who took part in activities, as counted by the organisers (activities without a count add nothing). ' +
      'SEX and AGE_BAND split each activity’s count and cannot be combined with each other.',
    countsBy: 'the first day of the activity',
    breakdowns: [...ACTIVITY, B.SEX, B.AGE_BAND],
    sourceTables: ['activity', 'agency'],
    published: true,
    duty: Duty.TRAINING_AND_COOPERATION,
    pillar: Pillar.PREVENTION,
  },
  {
    key: 'MEETINGS_HELD',
    nameId: 'Rapat koordinasi yang diselenggarakan',
    nameEn: 'Meetings held',
    unit: U.MEETING,
    definition: 'Meetings of task-force units (coordination, bilateral, multilateral) that have taken place.',
    countsBy: 'the day of the meeting, in its own time zone',
    breakdowns: [...TIME, B.MEETING_TYPE, B.REGION, B.AGENCY],
    sourceTables: ['meeting', 'task_force_unit', 'agency'],
    published: true,
    duty: Duty.COORDINATION,
    pillar: Pillar.PARTNERSHIP,
  },
  {
    key: 'MEETING_INVITATIONS',
    nameId: 'Undangan rapat dan kehadiran',
    nameEn: 'Meeting invitations and attendance',
    unit: U.INVITATION,
    definition:
      'One per agency on the attendance list of a meeting held, by how it took part (PRESENT, REPRESENTED, ' +
      'ABSENT_WITH_NOTICE, ABSENT, NOT_RECORDED); an agency’s attendance rate is its PRESENT and REPRESENTED over all.',
    countsBy: 'the day of the meeting, in its own time zone',
    breakdowns: [...TIME, B.ATTENDANCE, B.AGENCY, B.MEETING_TYPE, B.REGION],
    sourceTables: ['meeting_attendance', 'meeting', 'task_force_unit', 'agency'],
    published: false,
    duty: Duty.COORDINATION,
    pillar: Pillar.PARTNERSHIP,
  },
  {
    key: 'ACTION_ITEMS_DUE',
    nameId: 'Tindak lanjut keputusan rapat',
    nameEn: 'Action items of meeting decisions, on time and late',
    unit: U.ACTION_ITEM,
    definition:
      'Action items due in the period, as they stand now: ON_TIME (done by the due date), LATE (done after it, closed ' +
      'as not achieved, or open past it), NOT_YET_DUE, WITHDRAWN (superseded or cancelled).',
    countsBy: 'the due date, in the owner agency’s zone',
    breakdowns: [...TIME, B.TIMELINESS, B.AGENCY, B.PILLAR, B.DUTY, B.REGION],
    sourceTables: ['action_item', 'task', 'meeting_decision', 'meeting', 'task_force_unit', 'agency'],
    published: false,
    duty: Duty.REPORTING_AND_EVALUATION,
    pillar: Pillar.PARTNERSHIP,
  },
];
