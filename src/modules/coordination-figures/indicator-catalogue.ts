import { ActivityType, FundingSource, TargetGroup } from '@app/modules/activities/activity.enums';
import { AttendanceStatus, MeetingType } from '@app/modules/meetings/meeting.enums';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { IndicatorDimension as D } from './indicator.dto';

/** An indicator as the numbers issue will store it: what it counts, in which unit, by which date, split how. */
export interface IndicatorDefinition {
  code: string;
  name: string;
  unit: string;
  definition: string;
  countsBy: string;
  dimensions: readonly D[];
}

/** How an action item due in the period stands now (each item is in exactly one). */
export enum Timeliness {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  NOT_YET_DUE = 'NOT_YET_DUE',
  WITHDRAWN = 'WITHDRAWN',
}

/** How an invited agency took part in a held meeting; NOT_RECORDED when attendance was never recorded for it. */
export const ATTENDANCE_KEYS = [
  AttendanceStatus.PRESENT,
  AttendanceStatus.REPRESENTED,
  AttendanceStatus.ABSENT_WITH_NOTICE,
  AttendanceStatus.ABSENT,
  'NOT_RECORDED',
] as const;

/** The shares every enumerated dimension lists, zeros included, so reports show the same rows every year. */
export const DIMENSION_KEYS: Partial<Record<D, readonly string[]>> = {
  [D.PILLAR]: Object.values(TaskPillar),
  [D.DUTY]: Object.values(TaskForceDuty),
  [D.TARGET_GROUP]: Object.values(TargetGroup),
  [D.ACTIVITY_TYPE]: Object.values(ActivityType),
  [D.SEX]: ['FEMALE', 'MALE', 'NOT_RECORDED'],
  [D.AGE_BAND]: ['UNDER_18', 'FROM_18_TO_24', 'FROM_25_TO_59', 'FROM_60', 'NOT_RECORDED'],
  [D.FUNDING_SOURCE]: Object.values(FundingSource),
  [D.LEVEL]: ['NATIONAL', 'PROVINCE', 'REGENCY_CITY', 'ABROAD'],
  [D.KIND]: ['ACTIVITY', 'MEETING'],
  [D.MEETING_TYPE]: Object.values(MeetingType),
  [D.ATTENDANCE]: ATTENDANCE_KEYS,
  [D.TIMELINESS]: Object.values(Timeliness),
};

export const ACTIVITIES: IndicatorDefinition = {
  code: 'ACTIVITIES',
  name: 'Prevention, training and partnership activities',
  unit: 'activity',
  definition: 'Activities recorded by their organising agencies (socialisations, trainings, campaigns, talk shows …).',
  countsBy: 'the first day of the activity',
  dimensions: [D.YEAR, D.PILLAR, D.DUTY, D.REGION, D.TARGET_GROUP, D.ACTIVITY_TYPE],
};

export const ACTIVITY_PARTICIPANTS: IndicatorDefinition = {
  code: 'ACTIVITY_PARTICIPANTS',
  name: 'Participants in activities',
  unit: 'participant',
  definition:
    'People who took part in the activities, as counted by the organisers; activities whose number of ' +
    'participants is not known add nothing (see activitiesWithoutParticipantCount).',
  countsBy: 'the first day of the activity',
  dimensions: [D.YEAR, D.PILLAR, D.DUTY, D.REGION, D.TARGET_GROUP, D.ACTIVITY_TYPE, D.SEX, D.AGE_BAND],
};

export const SPENDING: IndicatorDefinition = {
  code: 'COORDINATION_AND_ACTIVITY_SPENDING',
  name: 'Spending on meetings and activities',
  unit: 'IDR',
  definition:
    'What meetings (coordination) and activities cost, where the cost is recorded: by duty, and by the level ' +
    'where it was spent, to show how much goes to coordination rather than to the regions.',
  countsBy: 'the day of the meeting, the first day of the activity',
  dimensions: [D.YEAR, D.KIND, D.DUTY, D.LEVEL, D.FUNDING_SOURCE],
};

export const MEETINGS_HELD: IndicatorDefinition = {
  code: 'MEETINGS_HELD',
  name: 'Meetings held',
  unit: 'meeting',
  definition: 'Meetings of task-force units (coordination, bilateral, multilateral) that have taken place.',
  countsBy: 'the day of the meeting, in its own time zone',
  dimensions: [D.YEAR, D.MEETING_TYPE, D.UNIT],
};

export const MEETING_INVITATIONS: IndicatorDefinition = {
  code: 'MEETING_INVITATIONS',
  name: 'Agencies invited to meetings, and how they took part',
  unit: 'invitation',
  definition:
    'One per agency on the attendance list of a meeting held (the organiser included), by how it took part; ' +
    'NOT_RECORDED where attendance was never recorded.',
  countsBy: 'the day of the meeting, in its own time zone',
  dimensions: [D.ATTENDANCE, D.AGENCY],
};

export const ACTION_ITEMS_DUE: IndicatorDefinition = {
  code: 'ACTION_ITEMS_DUE',
  name: 'Action items of meeting decisions, on time and late',
  unit: 'action item',
  definition:
    'Action items due in the period, as they stand now: ON_TIME (done by the due date: the owner completed the ' +
    'task, or the meeting closed it as achieved or partly achieved), LATE (done after it, closed as not achieved, ' +
    'or still open past it), NOT_YET_DUE (open, due later today or after), WITHDRAWN (closed as superseded, or ' +
    'the task cancelled, before being done).',
  countsBy: "the due date, in the owner agency's time zone",
  dimensions: [D.TIMELINESS, D.AGENCY],
};
