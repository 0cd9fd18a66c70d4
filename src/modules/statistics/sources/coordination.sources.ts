import { Breakdown as B } from '../statistics.enums';
import { dayOf, IndicatorSource, oneOf } from './indicator-source';

/** Where an activity took place: its province, ABROAD outside Indonesia, NATIONAL for national or online ones. */
const ACTIVITY_REGION = `CASE WHEN a.region_code IS NOT NULL THEN split_part(a.region_code, '.', 1)
  WHEN a.country <> 'ID' THEN 'ABROAD' ELSE 'NATIONAL' END`;

/** A meeting's region: its unit's province, NATIONAL for the national unit. */
const UNIT_REGION = `COALESCE(NULLIF(split_part(u.region_code, '.', 1), ''), 'NATIONAL')`;

const activityColumns: IndicatorSource['columns'] = {
  [B.PILLAR]: { expr: 'a.pillar::text' },
  [B.DUTY]: { expr: 'a.duty::text' },
  [B.REGION]: { expr: ACTIVITY_REGION },
  [B.TARGET_GROUP]: { expr: 'a.target_group::text' },
  [B.ACTIVITY_TYPE]: { expr: 'a.type::text' },
  [B.AGENCY]: { expr: 'organiser.code' },
};

const activityAgencies = (agency: string) =>
  `(${agency} = a.organiser_agency_id OR ${agency} = ANY(a.supporting_agency_ids))`;

const ACTIVITY = `activity a JOIN agency organiser ON organiser.id = a.organiser_agency_id`;

/**
 * How an action item stands now (the same rules as coordination-figures/timeliness.ts): the meeting's judgement
 * first, then done by the due date or not, withdrawn when its task was cancelled, late once past due. `$3` is now.
 */
const TIMELINESS = `CASE
  WHEN i.outcome = 'SUPERSEDED' THEN 'WITHDRAWN'
  WHEN i.outcome = 'NOT_ACHIEVED' THEN 'LATE'
  WHEN (t.status = 'DONE' AND t.completed_at IS NOT NULL) OR i.outcome IS NOT NULL THEN
    CASE WHEN LEAST(CASE WHEN t.status = 'DONE' THEN t.completed_at END,
                    CASE WHEN i.outcome IS NOT NULL THEN i.closed_at END) <= t.due_at THEN 'ON_TIME' ELSE 'LATE' END
  WHEN t.status = 'CANCELLED' THEN 'WITHDRAWN'
  WHEN t.due_at < $3 THEN 'LATE'
  ELSE 'NOT_YET_DUE' END`;

const attendedBy = (agency: string) =>
  `EXISTS (SELECT 1 FROM meeting_attendance mine WHERE mine.meeting_id = m.id AND mine.agency_id = ${agency})`;

export const COORDINATION_SOURCES: Record<string, IndicatorSource> = {
  ACTIVITIES_HELD: {
    from: ACTIVITY,
    where: 'TRUE',
    subject: 'a.id',
    day: 'a.starts_on',
    agencies: activityAgencies,
    region: 'a.region_code',
    columns: activityColumns,
  },
  ACTIVITY_PARTICIPANTS: {
    from: ACTIVITY,
    where: 'a.participants_total IS NOT NULL',
    subject: 'a.id',
    day: 'a.starts_on',
    weight: 'a.participants_total',
    agencies: activityAgencies,
    region: 'a.region_code',
    columns: {
      ...activityColumns,
      [B.SEX]: {
        split: `(VALUES ('FEMALE', a.participants_female), ('MALE', a.participants_male),
                        ('UNKNOWN', a.participants_sex_not_recorded))`,
      },
      [B.AGE_BAND]: {
        split: `(VALUES ('UNDER_18', a.participants_under_18), ('FROM_18_TO_24', a.participants_18_to_24),
                        ('FROM_25_TO_59', a.participants_25_to_59), ('FROM_60', a.participants_60_plus),
                        ('UNKNOWN', a.participants_age_not_recorded))`,
      },
    },
  },
  MEETINGS_HELD: {
    from: `meeting m JOIN task_force_unit u ON u.id = m.unit_id JOIN agency organiser ON organiser.id = m.organiser_agency_id`,
    where: 'm.starts_at <= $3',
    subject: 'm.id',
    day: dayOf('m.starts_at', 'm.time_zone'),
    agencies: (agency) => `(${agency} = m.organiser_agency_id OR ${attendedBy(agency)})`,
    region: 'u.region_code',
    columns: {
      [B.MEETING_TYPE]: { expr: 'm.type::text' },
      [B.REGION]: { expr: UNIT_REGION },
      [B.AGENCY]: { expr: 'organiser.code' },
    },
  },
  MEETING_INVITATIONS: {
    from: `meeting_attendance ma JOIN meeting m ON m.id = ma.meeting_id JOIN task_force_unit u ON u.id = m.unit_id
      JOIN agency invited ON invited.id = ma.agency_id`,
    where: 'm.starts_at <= $3',
    subject: 'ma.id',
    day: dayOf('m.starts_at', 'm.time_zone'),
    agencies: (agency) => `(${agency} = ma.agency_id OR ${agency} = m.organiser_agency_id)`,
    region: 'u.region_code',
    columns: {
      [B.ATTENDANCE]: { expr: `CASE WHEN ma.status = 'INVITED' THEN 'NOT_RECORDED' ELSE ma.status::text END` },
      [B.AGENCY]: { expr: 'invited.code' },
      [B.MEETING_TYPE]: { expr: 'm.type::text' },
      [B.REGION]: { expr: UNIT_REGION },
    },
  },
  ACTION_ITEMS_DUE: {
    from: `action_item i JOIN task t ON t.id = i.task_id JOIN agency owner ON owner.id = t.assignee_agency_id
      JOIN meeting_decision d ON d.id = i.decision_id JOIN meeting m ON m.id = d.meeting_id
      JOIN task_force_unit u ON u.id = m.unit_id`,
    where: 'TRUE',
    subject: 'i.id',
    day: dayOf('t.due_at', 'owner.time_zone'),
    agencies: oneOf('t.assignee_agency_id', 't.assigning_agency_id'),
    region: 'u.region_code',
    columns: {
      [B.TIMELINESS]: { expr: TIMELINESS },
      [B.AGENCY]: { expr: 'owner.code' },
      [B.PILLAR]: { expr: 'd.pillar::text' },
      [B.DUTY]: { expr: 'd.duty::text' },
      [B.REGION]: { expr: UNIT_REGION },
    },
  },
};
