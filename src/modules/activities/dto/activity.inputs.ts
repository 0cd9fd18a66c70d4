import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';

import {
  CountryField,
  DayField,
  EnumField,
  ExpectedVersionField,
  IdField,
  IdListField,
  ReasonField,
  TextField,
  TextListField,
} from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { ActivityType, FundingSource, TargetGroup } from '../activity.enums';
import { RupiahField } from '../rupiah';

/** The most people one activity may count (a national campaign's audience stays far below). */
const MAX_PARTICIPANTS = 10_000_000;

function CountField(description: string, optional = true): PropertyDecorator {
  return applyDecorators(
    Field(() => Int, { nullable: optional, description }),
    ...(optional ? [IsOptional()] : []),
    IsInt(),
    Min(0),
    Max(MAX_PARTICIPANTS),
  );
}

/** A region code of Kemendagri: province (81), regency or city (81.71), district (81.71.01). */
function RegionField(description: string): PropertyDecorator {
  return applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    Matches(/^\d{2}(\.\d{2}(\.\d{2,4})?)?$/, {
      message: '$property must be a Kemendagri region code such as 81 or 81.71',
    }),
  );
}

@InputType({ description: 'How the participants split by sex; omitted counts are 0.' })
export class ParticipantsBySexInput {
  @CountField('Women and girls.')
  female?: number;

  @CountField('Men and boys.')
  male?: number;

  @CountField('Not recorded.')
  notRecorded?: number;
}

@InputType({ description: 'How the participants split by age band; omitted counts are 0.' })
export class ParticipantsByAgeBandInput {
  @CountField('Under 18.')
  under18?: number;

  @CountField('18 to 24.')
  from18To24?: number;

  @CountField('25 to 59.')
  from25To59?: number;

  @CountField('60 and over.')
  from60?: number;

  @CountField('Not recorded.')
  notRecorded?: number;
}

@InputType({
  description:
    'Who took part: the total, and how it splits. A breakdown given must add up to the total; one not given is ' +
    'recorded as "not recorded".',
})
export class ParticipantsInput {
  @CountField('How many took part.', false)
  total: number;

  @Field(() => ParticipantsBySexInput, { nullable: true, description: 'By sex.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantsBySexInput)
  bySex?: ParticipantsBySexInput;

  @Field(() => ParticipantsByAgeBandInput, { nullable: true, description: 'By age band.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantsByAgeBandInput)
  byAgeBand?: ParticipantsByAgeBandInput;
}

/** The describing fields, shared by recording and correcting (a correction gives only what changes). */
@InputType({ isAbstract: true })
abstract class ActivityFieldsInput {
  @RegionField('Region (Kemendagri code: 81 Maluku, 81.71 Kota Ambon); omit for a national or online activity.')
  regionCode?: string;

  @CountryField({ description: 'Country where it took place (ID when omitted).', optional: true })
  country?: string;

  @TextField({ description: 'Venue or place.', optional: true, max: 300 })
  place?: string;

  @Field(() => Boolean, { nullable: true, description: 'Held online (wholly or in part).' })
  @IsOptional()
  @IsBoolean()
  online?: boolean;

  @IdListField({ description: 'Supporting agencies (IOM and NGOs as partners).', optional: true, maxItems: 30 })
  supportingAgencyIds?: string[];

  @TextListField({ description: 'Other supporters, by name.', optional: true, maxItems: 20, maxLength: 200 })
  otherPartners?: string[];

  @Field(() => ParticipantsInput, { nullable: true, description: 'Who took part (omit when not known).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ParticipantsInput)
  participants?: ParticipantsInput;

  @TextListField({ description: 'Materials produced.', optional: true, maxItems: 30, maxLength: 300 })
  materials?: string[];

  @RupiahField('What it cost, in whole rupiah, if known.')
  costIdr?: number;

  @TextField({ description: 'The funder by name (INL, KOICA …) or other funding detail.', optional: true, max: 300 })
  fundingNote?: string;

  @TextField({
    description: 'For an activity entered as history: where the record comes from (a report, a paper).',
    optional: true,
    max: 1000,
  })
  source?: string;
}

@InputType({ description: 'An activity your agency organised.' })
export class RecordActivityInput extends ActivityFieldsInput {
  @TextField({ description: 'Title.', min: 3, max: 300 })
  title: string;

  @EnumField(ActivityType, { description: 'What kind of event it was.' })
  type: ActivityType;

  @EnumField(TaskPillar, { description: 'The pillar it served.' })
  pillar: TaskPillar;

  @EnumField(TaskForceDuty, {
    description: 'The task-force duty it served (TRAINING_AND_COOPERATION when omitted).',
    optional: true,
  })
  duty?: TaskForceDuty;

  @DayField({ description: 'First day (YYYY-MM-DD).' })
  startsOn: string;

  @DayField({ description: 'Last day (YYYY-MM-DD); the first day when omitted.', optional: true })
  endsOn?: string;

  @EnumField(TargetGroup, { description: 'The main group it reached.' })
  targetGroup: TargetGroup;

  @EnumField(FundingSource, { description: 'Who paid (NOT_RECORDED when not known, NO_COST when nothing).' })
  fundingSource: FundingSource;
}

@InputType({ description: 'A correction of an activity your agency organised: the fields that change, and why.' })
export class CorrectActivityInput extends ActivityFieldsInput {
  @IdField({ description: 'The activity.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @ReasonField('Why it is corrected; kept in its history.')
  reason: string;

  @TextField({ description: 'Title.', optional: true, min: 3, max: 300 })
  title?: string;

  @EnumField(ActivityType, { description: 'What kind of event it was.', optional: true })
  type?: ActivityType;

  @EnumField(TaskPillar, { description: 'The pillar it served.', optional: true })
  pillar?: TaskPillar;

  @EnumField(TaskForceDuty, { description: 'The task-force duty it served.', optional: true })
  duty?: TaskForceDuty;

  @DayField({ description: 'First day.', optional: true })
  startsOn?: string;

  @DayField({ description: 'Last day.', optional: true })
  endsOn?: string;

  @EnumField(TargetGroup, { description: 'The main group it reached.', optional: true })
  targetGroup?: TargetGroup;

  @EnumField(FundingSource, { description: 'Who paid.', optional: true })
  fundingSource?: FundingSource;
}

@InputType({ description: 'Narrows the activity list; all given conditions must hold.' })
export class ActivityFilter {
  @DayField({ description: 'Only activities starting on or after this day.', optional: true })
  from?: string;

  @DayField({ description: 'Only activities starting on or before this day.', optional: true })
  to?: string;

  @EnumField(TaskPillar, { description: 'Only this pillar.', optional: true })
  pillar?: TaskPillar;

  @EnumField(TaskForceDuty, { description: 'Only this duty.', optional: true })
  duty?: TaskForceDuty;

  @EnumField(ActivityType, { description: 'Only this kind.', optional: true })
  type?: ActivityType;

  @EnumField(TargetGroup, { description: 'Only this target group.', optional: true })
  targetGroup?: TargetGroup;

  @RegionField('Only this region and the regions inside it (81 takes in 81.71).')
  regionCode?: string;

  @IdField({ description: 'Only activities this agency organised or supported.', optional: true })
  agencyId?: string;
}

@ArgsType()
export class ActivitiesArgs extends PageArgs {
  @Field(() => ActivityFilter, { nullable: true, description: 'Conditions on the activities.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityFilter)
  filter?: ActivityFilter;
}
