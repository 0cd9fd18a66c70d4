import { ArgsType, Field, Float, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';

import { DayField } from '@app/graphql/input-fields';

import { Breakdown, StatisticsScope } from '../statistics.enums';
import { Indicator } from './indicator.dto';

@InputType('StatisticsFilterInput', { description: 'Keep only records whose value along a breakdown is one of these.' })
export class StatisticsFilterInput {
  @Field(() => Breakdown, { description: 'The breakdown to filter on (one the indicator allows).' })
  @IsEnum(Breakdown)
  breakdown: Breakdown;

  @Field(() => [String], { description: 'Its accepted values, as the cells name them (e.g. 53, KH, 2023).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  values: string[];
}

@ArgsType()
export class StatisticsArgs {
  @Field(() => String, { description: 'The indicator key (see the indicators query).' })
  @IsString()
  @Length(1, 60)
  indicator: string;

  @DayField({ description: 'First day of the period (YYYY-MM-DD).' })
  from: string;

  @DayField({ description: 'Last day of the period (YYYY-MM-DD), included; at most 10 years after from.' })
  to: string;

  @Field(() => [Breakdown], { description: 'One or two breakdowns the indicator allows.' })
  @IsArray()
  @IsEnum(Breakdown, { each: true })
  breakdowns: Breakdown[];

  @Field(() => [StatisticsFilterInput], { nullable: true, description: 'Filters, all of which a record must meet.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => StatisticsFilterInput)
  filters?: StatisticsFilterInput[];
}

@ObjectType('StatisticsFigure', { description: 'One figure: a cell, a subtotal or the total.' })
export class StatisticsFigure {
  @Field(() => [String], { description: 'Its keys, one per breakdown it is split by (empty for the total).' })
  keys: string[];

  @Field(() => Float, { nullable: true, description: 'The figure, in the indicator’s unit; empty when suppressed.' })
  value: number | null;

  @Field(() => Boolean, { description: 'Hidden because it is small, or because it would reveal a small one.' })
  suppressed: boolean;
}

@ObjectType('StatisticsMargin', { description: 'The subtotals along one breakdown.' })
export class StatisticsMargin {
  @Field(() => Breakdown, { description: 'The breakdown.' })
  breakdown: Breakdown;

  @Field(() => Boolean, {
    description:
      'A record may fall in several cells (exploitation types): the subtotals may add up to more than the total, ' +
      'which counts each record once.',
  })
  multiValued: boolean;

  @Field(() => [StatisticsFigure], { description: 'One figure per key.' })
  figures: StatisticsFigure[];
}

@ObjectType('StatisticsFilter', { description: 'A filter the figures were computed with.' })
export class StatisticsFilter {
  @Field(() => Breakdown, { description: 'The breakdown filtered on.' })
  breakdown: Breakdown;

  @Field(() => [String], { description: 'The values kept.' })
  values: string[];
}

@ObjectType('StatisticsResult', {
  description:
    'An indicator over a period, split by one or two breakdowns. Every figure in it is that indicator, over that ' +
    'period, with those filters and that scope, computed at computedAt. Single-valued breakdowns add up to the ' +
    'total exactly; multi-valued ones say so, and the total counts each record once.',
})
export class StatisticsResult {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator: Indicator;

  @Field(() => String, { description: 'First day of the period (YYYY-MM-DD).' })
  from: string;

  @Field(() => String, { description: 'Last day of the period (YYYY-MM-DD), included.' })
  to: string;

  @Field(() => [Breakdown], { description: 'The breakdowns, in order: a cell’s keys follow it.' })
  breakdowns: Breakdown[];

  @Field(() => [StatisticsFilter], { description: 'The filters applied.' })
  filters: StatisticsFilter[];

  @Field(() => StatisticsScope, { description: 'Whose records the figures cover.' })
  scope: StatisticsScope;

  @Field(() => Int, {
    nullable: true,
    description: 'Figures above zero and below this are suppressed (empty: nothing is, the reader sees the records).',
  })
  suppressionThreshold: number | null;

  @Field(() => GraphQLISODateTime, { description: 'When the figures were computed.' })
  computedAt: Date;

  @Field(() => StatisticsFigure, { description: 'The total: each record once.' })
  total: StatisticsFigure;

  @Field(() => [StatisticsFigure], { description: 'The cells: every combination of the keys seen, zeros included.' })
  cells: StatisticsFigure[];

  @Field(() => [StatisticsMargin], { description: 'The subtotals along each breakdown.' })
  margins: StatisticsMargin[];
}
