import { Field, ObjectType } from '@nestjs/graphql';

import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { Breakdown, IndicatorUnit } from '../statistics.enums';

@ObjectType('Indicator', {
  description:
    'An indicator of the catalogue: a typed figure derived from the register, what it counts, by which event date, ' +
    'and how it may be split. Every figure the statistics query returns is one of these over a period.',
})
export class Indicator {
  @Field(() => String, { description: 'Stable key, e.g. VICTIMS_IDENTIFIED.' })
  key: string;

  @Field(() => String, { description: 'Name in Bahasa Indonesia.' })
  nameId: string;

  @Field(() => String, { description: 'Name in English.' })
  nameEn: string;

  @Field(() => IndicatorUnit, { description: 'What one unit of the figure is.' })
  unit: IndicatorUnit;

  @Field(() => String, { description: 'What it counts, precisely.' })
  definition: string;

  @Field(() => String, { description: 'The event date that places a record in a period (not the recording date).' })
  countsBy: string;

  @Field(() => [Breakdown], { description: 'What it may be split by (one or two at a time).' })
  breakdowns: Breakdown[];

  @Field(() => [Breakdown], { description: 'Breakdowns where one record may fall in several cells.' })
  multiValuedBreakdowns: Breakdown[];

  @Field(() => [String], { description: 'The register tables it is read from.' })
  sourceTables: string[];

  @Field(() => Boolean, { description: 'Whether partners and counterparts may read it (as suppressed aggregates).' })
  published: boolean;

  @Field(() => TaskForceDuty, { description: 'The duty chapter of the annual report it belongs to.' })
  duty: TaskForceDuty;

  @Field(() => TaskPillar, { description: 'The 3P+Partnership pillar it reports under.' })
  pillar: TaskPillar;
}
