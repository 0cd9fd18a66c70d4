import { applyDecorators } from '@nestjs/common';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, Matches, ValidateNested } from 'class-validator';

import {
  DayField,
  EnumField,
  ExpectedVersionField,
  IdField,
  IdListField,
  TextField,
  TextListField,
  TimeZoneField,
} from '@app/graphql/input-fields';
import { FundingSource } from '@app/modules/activities/activity.enums';
import { RupiahField } from '@app/modules/activities/rupiah';

import { AttendanceStatus, MeetingType, MinutesStatus } from '../meeting.enums';
import { WALL_CLOCK_TIME } from '../meeting-time';

/** A wall-clock time HH:mm, read in the meeting's time zone. */
function TimeField(options: { description: string; optional?: boolean }): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: options.optional, description: options.description }),
    ...(options.optional ? [IsOptional()] : []),
    Matches(WALL_CLOCK_TIME, { message: '$property must be a 24-hour time written HH:mm, e.g. 09:00' }),
  );
}

@InputType({ description: 'A meeting of a task-force unit your agency is a member of; your agency convenes it.' })
export class ScheduleMeetingInput {
  @IdField({ description: 'The task-force unit (for a bilateral meeting, the unit it is held under).' })
  unitId: string;

  @EnumField(MeetingType, { description: 'Coordination meeting of the unit, bilateral or multilateral.' })
  type: MeetingType;

  @TextField({ description: 'Title; no victim names.', min: 3, max: 300 })
  title: string;

  @DayField({ description: 'The day it takes place (YYYY-MM-DD) in the meeting’s time zone.' })
  date: string;

  @TimeField({ description: 'Start time HH:mm in the meeting’s time zone.' })
  startTime: string;

  @TimeField({ description: 'End time HH:mm, the same day, if known.', optional: true })
  endTime?: string;

  @TimeZoneField({
    description: "Where the times are read (IANA, e.g. Asia/Phnom_Penh); the unit's own zone when omitted.",
    optional: true,
  })
  timeZone?: string;

  @TextField({ description: 'Where it takes place; omit for an online-only meeting.', optional: true, max: 300 })
  place?: string;

  @Field(() => Boolean, { nullable: true, description: 'Held online (wholly, or alongside the place).' })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @TextListField({ description: 'The agenda, item by item.', optional: true, maxItems: 30, maxLength: 500 })
  agenda?: string[];

  @IdListField({
    description:
      'The agencies invited besides yours (members of the unit, partners, and for a bilateral or multilateral ' +
      'meeting the foreign counterparts). Your agency is on the list as the organiser.',
    maxItems: 100,
  })
  @ArrayMinSize(1)
  invitedAgencyIds: string[];

  @RupiahField('What the meeting costs, in whole rupiah, if known.')
  costIdr?: number;

  @EnumField(FundingSource, { description: 'Who pays (NOT_RECORDED when omitted).', optional: true })
  fundingSource?: FundingSource;

  @TextField({
    description: 'For a meeting entered as history: where the record comes from (minutes, a report).',
    optional: true,
    max: 1000,
  })
  source?: string;
}

@InputType({ description: 'A person who attended for an agency.' })
export class AttendeeInput {
  @TextField({ description: 'Name as on the attendance list.', min: 2, max: 200 })
  name: string;

  @TextField({ description: 'Position or rank.', optional: true, max: 200 })
  position?: string;
}

@InputType({ description: 'How one agency took part in the meeting.' })
export class AttendanceEntryInput {
  @IdField({ description: 'An agency on the attendance list, or a member of the unit who came uninvited.' })
  agencyId: string;

  @EnumField(AttendanceStatus, { description: 'PRESENT, REPRESENTED, ABSENT_WITH_NOTICE or ABSENT.' })
  status: AttendanceStatus;

  @Field(() => [AttendeeInput], { nullable: true, description: 'Who attended for the agency.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AttendeeInput)
  people?: AttendeeInput[];

  @TextField({ description: 'A note (the notice given, who represented whom).', optional: true, max: 500 })
  note?: string;
}

@InputType({ description: 'Attendance of some or all agencies; entries for agencies not named stay as they are.' })
export class RecordAttendanceInput {
  @IdField({ description: 'The meeting.' })
  meetingId: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @Field(() => [AttendanceEntryInput], { description: 'One entry per agency.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryInput)
  entries: AttendanceEntryInput[];
}

@InputType({ description: 'The minutes of a meeting, and where they stand.' })
export class RecordMinutesInput {
  @IdField({ description: 'The meeting.' })
  meetingId: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @TextField({ description: 'The minutes (no victim names: use reference codes).', min: 1, max: 100000 })
  minutes: string;

  @EnumField(MinutesStatus, { description: 'DRAFT, CIRCULATED or APPROVED.' })
  status: MinutesStatus;
}

@InputType({ description: 'Narrows the meeting list; all given conditions must hold.' })
export class MeetingFilter {
  @IdField({ description: 'Only meetings of this unit.', optional: true })
  unitId?: string;

  @EnumField(MeetingType, { description: 'Only this kind.', optional: true })
  type?: MeetingType;

  @DayField({ description: 'Only meetings on or after this day (in their own time zone).', optional: true })
  from?: string;

  @DayField({ description: 'Only meetings on or before this day (in their own time zone).', optional: true })
  to?: string;
}

@InputType({ description: 'Which open action items to list.' })
export class OpenActionItemFilter {
  @IdField({ description: 'Only items of meetings of this unit.', optional: true })
  unitId?: string;

  @IdField({ description: 'Only items this agency owes.', optional: true })
  ownerAgencyId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only items past their due date (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
