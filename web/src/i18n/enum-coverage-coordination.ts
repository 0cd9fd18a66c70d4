// Fails the typecheck when schema.gql gains (or loses) a value of the meeting and activity enums a label is missing for.
import type {
  ActionItemOutcome,
  ActionItemStatus,
  ActivityRevisionKind,
  ActivityType,
  AttendanceStatus,
  FundingSource,
  MeetingType,
  MinutesStatus,
  TargetGroup,
} from '@/gql/graphql';

import type { Messages } from './id';

type Same<E extends string, T> = [E] extends [keyof T] ? ([keyof T] extends [E] ? true : false) : false;

export const COORDINATION_ENUM_LABELS_COVER_THE_SCHEMA: [
  Same<ActionItemOutcome, Messages['actionItemOutcome']>,
  Same<ActionItemStatus, Messages['actionItemStatus']>,
  Same<ActivityRevisionKind, Messages['activityRevisionKind']>,
  Same<ActivityType, Messages['activityType']>,
  Same<AttendanceStatus, Messages['attendanceStatus']>,
  Same<FundingSource, Messages['fundingSource']>,
  Same<MeetingType, Messages['meetingType']>,
  Same<MinutesStatus, Messages['minutesStatus']>,
  Same<TargetGroup, Messages['targetGroup']>,
] = [true, true, true, true, true, true, true, true, true];
