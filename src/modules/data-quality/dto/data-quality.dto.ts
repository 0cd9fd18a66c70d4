import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsBase64, IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';

import { DataQualityCheck, DataQualityRecordType } from '../data-quality.enums';

@ArgsType()
export class DataQualityIssuesArgs {
  @Field(() => DataQualityCheck, { nullable: true, description: 'Only the issues of this check.' })
  @IsOptional()
  @IsEnum(DataQualityCheck)
  check?: DataQualityCheck;

  @Field(() => Int, { defaultValue: 50, description: 'How many issues to return (1–100), oldest first.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Return issues after this cursor (from endCursor).' })
  @IsOptional()
  @IsBase64()
  after?: string;
}

@ObjectType('DataQualityIssue', { description: 'One record a nightly data-quality check found wanting.' })
export class DataQualityIssue {
  @Field(() => ID, { description: 'Stable identifier of the finding.' })
  id: string;

  @Field(() => DataQualityCheck, { description: 'The check that found it.' })
  check: DataQualityCheck;

  @Field(() => DataQualityRecordType, { description: 'What kind of record it is about.' })
  recordType: DataQualityRecordType;

  @Field(() => String, {
    nullable: true,
    description:
      'The record’s reference or pseudonymous code (CASE-000042, VCT-7K3QX9MB …); empty when you may not see the ' +
      'record itself.',
  })
  code: string | null;

  @Field(() => ID, { description: 'The agency that can put it right.' })
  responsibleAgencyId: string;

  @Field(() => String, { description: 'Its acronym.' })
  responsibleAgency: string;

  @Field(() => String, {
    nullable: true,
    description: 'A code that says more: the status it is stuck in, what a duplicate matched on, how late.',
  })
  detail: string | null;

  @Field(() => GraphQLISODateTime, { description: 'Since when the condition holds.' })
  since: Date;

  @Field(() => GraphQLISODateTime, { description: 'When a nightly run first found it.' })
  firstDetectedAt: Date;
}

@ObjectType('DataQualityCount', { description: 'How many open issues one check has in your scope.' })
export class DataQualityCount {
  @Field(() => DataQualityCheck, { description: 'The check.' })
  check: DataQualityCheck;

  @Field(() => Int, { description: 'Open issues.' })
  count: number;
}

@ObjectType('DataQualityThresholds', { description: 'The days the checks count with (operator settings).' })
export class DataQualityThresholds {
  @Field(() => Int, { description: 'Days after identification by which a person should have a referral.' })
  referralAfterDays: number;

  @Field(() => Int, { description: 'Days after a case is reported by which a suspect should be recorded.' })
  suspectAfterDays: number;

  @Field(() => Int, { description: 'Days after an event beyond which its entry counts as late.' })
  lateEntryDays: number;
}

@ObjectType('DataQualityIssues', {
  description: 'The open findings of the nightly data-quality checks that you may act on, with counts per check.',
})
export class DataQualityIssues {
  @Field(() => [DataQualityCount], { description: 'Open issues per check (every check listed, zeros included).' })
  byCheck: DataQualityCount[];

  @Field(() => Int, { description: 'Open issues in your scope (of the check asked for, when one was).' })
  totalCount: number;

  @Field(() => [DataQualityIssue], { description: 'This page of issues, oldest condition first.' })
  items: DataQualityIssue[];

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for more.' })
  endCursor: string | null;

  @Field(() => Boolean, { description: 'True when more issues follow.' })
  hasNextPage: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the checks last found anything in your scope.',
  })
  lastRunAt: Date | null;

  @Field(() => DataQualityThresholds, { description: 'The days the checks count with.' })
  thresholds: DataQualityThresholds;
}
