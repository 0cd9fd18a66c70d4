import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';

import { DayField, IdField } from '@app/graphql/input-fields';

import { Indicator } from '../indicator.dto';

@ArgsType()
export class ActivityFiguresArgs {
  @DayField({ description: 'First day of the period (YYYY-MM-DD).' })
  from: string;

  @DayField({ description: 'Last day of the period (YYYY-MM-DD), included; at most 10 years after from.' })
  to: string;

  @Field(() => String, {
    nullable: true,
    description: 'Only this region and the regions inside it (Kemendagri code: 35 takes in 35.73).',
  })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2,4})?)?$/, { message: '$property must be a Kemendagri region code such as 35' })
  regionCode?: string;
}

@ArgsType()
export class MeetingFiguresArgs {
  @DayField({ description: 'First day of the period (YYYY-MM-DD).' })
  from: string;

  @DayField({ description: 'Last day of the period (YYYY-MM-DD), included; at most 10 years after from.' })
  to: string;

  @IdField({ description: 'Only meetings of this task-force unit; all units when omitted.', optional: true })
  unitId?: string;
}

@ObjectType('ActivityFigures', {
  description: 'What the task force did beyond casework in a period: activities, the people they reached, spending.',
})
export class ActivityFigures {
  @Field(() => Indicator, { description: 'ACTIVITIES.' })
  activities: Indicator;

  @Field(() => Indicator, { description: 'ACTIVITY_PARTICIPANTS.' })
  participants: Indicator;

  @Field(() => Indicator, {
    description: 'COORDINATION_AND_ACTIVITY_SPENDING: meetings (coordination) and activities, by where it went.',
  })
  spending: Indicator;

  @Field(() => Int, { description: 'Activities in the period whose number of participants is not known.' })
  activitiesWithoutParticipantCount: number;

  @Field(() => Int, { description: 'Activities and meetings in the period whose cost is not recorded.' })
  recordsWithoutCost: number;
}

@ObjectType('AgencyAttendance', { description: "One agency's attendance at the meetings held in the period." })
export class AgencyAttendance {
  @Field(() => ID, { description: 'The agency.' })
  agencyId: string;

  @Field(() => Int, { description: 'Meetings it was on the attendance list of; the five counts below add up to it.' })
  invited: number;

  @Field(() => Int, { description: 'Attended in person.' })
  present: number;

  @Field(() => Int, { description: 'Sent someone in its place.' })
  represented: number;

  @Field(() => Int, { description: 'Absent, having given notice.' })
  absentWithNotice: number;

  @Field(() => Int, { description: 'Absent without notice.' })
  absent: number;

  @Field(() => Int, { description: 'Attendance never recorded.' })
  notRecorded: number;

  @Field(() => Float, {
    nullable: true,
    description: '(present + represented) / the invitations whose attendance was recorded; empty when none was.',
  })
  attendanceRate: number | null;
}

@ObjectType('AgencyActionItems', { description: 'Action items one agency owed that fell due in the period.' })
export class AgencyActionItems {
  @Field(() => ID, { description: 'The owner agency.' })
  agencyId: string;

  @Field(() => Int, { description: 'Due in the period; the four counts below add up to it.' })
  due: number;

  @Field(() => Int, { description: 'Done by the due date.' })
  onTime: number;

  @Field(() => Int, { description: 'Done after it, closed as not achieved, or still open past it.' })
  late: number;

  @Field(() => Int, { description: 'Open, and not yet due.' })
  notYetDue: number;

  @Field(() => Int, { description: 'Withdrawn (superseded, or the task cancelled) before being done.' })
  withdrawn: number;

  @Field(() => Float, { nullable: true, description: 'onTime / (onTime + late); empty when neither.' })
  onTimeRate: number | null;
}

@ObjectType('MeetingFigures', {
  description: 'How the task force coordinated in a period: meetings held, attendance, and action items kept.',
})
export class MeetingFigures {
  @Field(() => Indicator, { description: 'MEETINGS_HELD.' })
  meetingsHeld: Indicator;

  @Field(() => Indicator, { description: 'MEETING_INVITATIONS, by how agencies took part and by agency.' })
  invitations: Indicator;

  @Field(() => [AgencyAttendance], { description: 'Attendance per agency: the most invited first, then by code.' })
  attendanceByAgency: AgencyAttendance[];

  @Field(() => Indicator, { description: 'ACTION_ITEMS_DUE, by timeliness and by owner agency.' })
  actionItemsDue: Indicator;

  @Field(() => [AgencyActionItems], {
    description: 'Action items per owner agency: the most late first, then the most due, then by code.',
  })
  actionItemsByAgency: AgencyActionItems[];
}
