import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What an indicator's total can be split by. Each breakdown of an indicator adds up to its total. */
export enum IndicatorDimension {
  YEAR = 'YEAR',
  PILLAR = 'PILLAR',
  DUTY = 'DUTY',
  /** Province (the first part of the Kemendagri code); NATIONAL for national or online activities, ABROAD outside Indonesia. */
  REGION = 'REGION',
  TARGET_GROUP = 'TARGET_GROUP',
  ACTIVITY_TYPE = 'ACTIVITY_TYPE',
  SEX = 'SEX',
  AGE_BAND = 'AGE_BAND',
  FUNDING_SOURCE = 'FUNDING_SOURCE',
  /** Where money was spent: NATIONAL, PROVINCE, REGENCY_CITY, ABROAD. */
  LEVEL = 'LEVEL',
  /** ACTIVITY or MEETING. */
  KIND = 'KIND',
  MEETING_TYPE = 'MEETING_TYPE',
  UNIT = 'UNIT',
  AGENCY = 'AGENCY',
  ATTENDANCE = 'ATTENDANCE',
  TIMELINESS = 'TIMELINESS',
}

registerEnumType(IndicatorDimension, {
  name: 'IndicatorDimension',
  description: "What an indicator's total is split by; every breakdown adds up to the total.",
});

@ObjectType('IndicatorItem', { description: 'One share of a breakdown.' })
export class IndicatorItem {
  @Field(() => String, {
    description: 'The share: an enum value (PREVENTION), a year (2024), a region code (35), an agency or unit id.',
  })
  key: string;

  @Field(() => Float, { description: 'Its value, in the unit of the indicator.' })
  value: number;
}

@ObjectType('IndicatorBreakdown', { description: "An indicator's total split along one dimension." })
export class IndicatorBreakdown {
  @Field(() => IndicatorDimension, { description: 'What the total is split by.' })
  dimension: IndicatorDimension;

  @Field(() => [IndicatorItem], { description: 'The shares; they add up to the total.' })
  items: IndicatorItem[];
}

@ObjectType('CoordinationIndicator', {
  description:
    'A typed figure derived from the register over a period: what it counts, in which unit, by which date, with ' +
    'breakdowns that each add up to the total. The numbers issue will keep these definitions as its indicators.',
})
export class Indicator {
  @Field(() => String, { description: 'Stable code, e.g. ACTIVITY_PARTICIPANTS.' })
  code: string;

  @Field(() => String, { description: 'What it is called in a report.' })
  name: string;

  @Field(() => String, { description: 'What one counts: activity, participant, meeting, IDR …' })
  unit: string;

  @Field(() => String, { description: 'What it counts, precisely.' })
  definition: string;

  @Field(() => String, { description: 'The date that places a record in the period.' })
  countsBy: string;

  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD).' })
  from: string;

  @Field(() => String, { description: 'Last day of the period (YYYY-MM-DD), included.' })
  to: string;

  @Field(() => Float, { description: 'The figure over the whole period.' })
  total: number;

  @Field(() => [IndicatorBreakdown], { description: 'The total split along each dimension the indicator allows.' })
  breakdowns: IndicatorBreakdown[];
}
