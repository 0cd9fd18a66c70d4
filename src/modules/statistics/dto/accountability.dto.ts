import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

@ArgsType()
export class AccountabilityArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'How many previous weeks the trend goes back, and the window of response times (1–26; 4 by default).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(26)
  weeks?: number;
}

@ObjectType('AccountabilityCount', { description: 'Open and overdue work of one kind.' })
export class AccountabilityCount {
  @Field(() => String, {
    description:
      'TASK, REFERRAL, CROSS_BORDER_REQUEST, REPATRIATION_MILESTONE or FOLLOW_UP_CONTACT (more as they exist).',
  })
  kind: string;

  @Field(() => Int, { description: 'Items still owed.' })
  open: number;

  @Field(() => Int, { description: 'Of those, items past their deadline.' })
  overdue: number;
}

@ObjectType('AccountabilityGroup', { description: 'Open and overdue work of one agency, province or country.' })
export class AccountabilityGroup {
  @Field(() => String, {
    description: 'The agency code, the province code (NATIONAL for national bodies) or the country.',
  })
  key: string;

  @Field(() => String, { description: 'What to show: the agency acronym, the province or country code.' })
  label: string;

  @Field(() => Int, { description: 'Items still owed.' })
  open: number;

  @Field(() => Int, { description: 'Of those, items past their deadline.' })
  overdue: number;

  @Field(() => [AccountabilityCount], { description: 'The same per kind of work.' })
  byKind: AccountabilityCount[];
}

@ObjectType('AgencyResponseTime', { description: 'How fast an agency answered work asked of it.' })
export class AgencyResponseTime {
  @Field(() => String, { description: 'The agency code.' })
  agencyCode: string;

  @Field(() => String, { description: 'The agency acronym.' })
  label: string;

  @Field(() => Int, { description: 'Answers counted (work asked of it in the window and answered).' })
  responses: number;

  @Field(() => Float, { description: 'Median hours from being asked to the first answer.' })
  medianHours: number;

  @Field(() => Float, { description: '90th percentile of those hours.' })
  p90Hours: number;
}

@ObjectType('AccountabilityWeek', { description: 'Open and overdue work at one instant of the trend.' })
export class AccountabilityWeek {
  @Field(() => Int, { description: '0 for now, 1 for a week before, …' })
  weeksAgo: number;

  @Field(() => GraphQLISODateTime, { description: 'The instant.' })
  at: Date;

  @Field(() => Int, { description: 'Items owed then.' })
  open: number;

  @Field(() => Int, { description: 'Of those, items past their deadline then.' })
  overdue: number;
}

@ObjectType('Accountability', {
  description:
    "The secretariat's view of its unit's members: open and overdue work by agency, province and counterpart " +
    'country, response times per agency, and the trend against previous weeks.',
})
export class Accountability {
  @Field(() => GraphQLISODateTime, { description: 'When it was computed.' })
  computedAt: Date;

  @Field(() => [String], { description: 'The kinds of work counted.' })
  kinds: string[];

  @Field(() => AccountabilityGroup, { description: 'All the members together.' })
  total: AccountabilityGroup;

  @Field(() => [AccountabilityGroup], { description: 'Per member agency, most overdue first.' })
  byAgency: AccountabilityGroup[];

  @Field(() => [AccountabilityGroup], { description: "Per province of the responsible agency's office." })
  byProvince: AccountabilityGroup[];

  @Field(() => [AccountabilityGroup], {
    description: 'Per counterpart country (cross-border work and tasks linked to it).',
  })
  byCounterpartCountry: AccountabilityGroup[];

  @Field(() => [AgencyResponseTime], { description: 'Per agency, over the work asked of it in the window.' })
  responseTimes: AgencyResponseTime[];

  @Field(() => [AccountabilityWeek], { description: 'Now, then each previous week.' })
  trend: AccountabilityWeek[];
}
