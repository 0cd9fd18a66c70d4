import { ArgsType, Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { StatisticsScope } from '../statistics.enums';
import { StatisticsResult } from './statistics.dto';

@ArgsType()
export class AnnualReportArgs {
  @Field(() => Int, { description: 'The calendar year reported on (e.g. 2023).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

@ObjectType('AnnualReportFigure', {
  description: 'One figure of a chapter: an indicator over the year, split for the report.',
})
export class AnnualReportFigure {
  @Field(() => TaskPillar, { nullable: true, description: 'The 3P+Partnership pillar; empty when split by pillar.' })
  pillar: TaskPillar | null;

  @Field(() => StatisticsResult, { description: 'The figure, with its indicator, period, filters and computed-at.' })
  result: StatisticsResult;
}

@ObjectType('AnnualReportChapter', { description: 'The chapter of one of the five duties of the task force.' })
export class AnnualReportChapter {
  @Field(() => TaskForceDuty, { description: 'The duty.' })
  duty: TaskForceDuty;

  @Field(() => String, { description: 'Its title in Bahasa Indonesia.' })
  titleId: string;

  @Field(() => String, { description: 'Its title in English.' })
  titleEn: string;

  @Field(() => [AnnualReportFigure], {
    description: 'Its figures, by pillar (Prevention, Protection, Prosecution, Partnership).',
  })
  figures: AnnualReportFigure[];
}

@ObjectType('AgencyAttendanceRate', { description: 'How one agency took part in the meetings it was invited to.' })
export class AgencyAttendanceRate {
  @Field(() => String, { description: 'The agency code.' })
  agencyCode: string;

  @Field(() => Int, { description: 'Invitations to meetings held in the year.' })
  invitations: number;

  @Field(() => Int, { description: 'Of those, present or represented.' })
  attended: number;

  @Field(() => Float, { description: 'attended / invitations (0–1).' })
  rate: number;
}

@ObjectType('AnnualReport', {
  description:
    "The content of the task force's annual report: a chapter per duty, its figures by 3P+Partnership pillar, every " +
    'figure an indicator of the catalogue over the year. Exports turn it into a workbook or CSV.',
})
export class AnnualReport {
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => String, { description: 'First day (YYYY-01-01).' })
  from: string;

  @Field(() => String, { description: 'Last day (YYYY-12-31).' })
  to: string;

  @Field(() => StatisticsScope, { description: 'Whose records it covers.' })
  scope: StatisticsScope;

  @Field(() => GraphQLISODateTime, { description: 'When it was computed (all figures from one snapshot).' })
  computedAt: Date;

  @Field(() => [AnnualReportChapter], { description: 'The five duty chapters, in the order of the Perpres.' })
  chapters: AnnualReportChapter[];

  @Field(() => [AgencyAttendanceRate], {
    description: 'Meeting attendance per agency (empty for readers who see suppressed figures only).',
  })
  attendanceRates: AgencyAttendanceRate[];
}
