import { ArgsType, Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

import { IdField } from '@app/graphql/input-fields';
import { HolidayEntity } from '@app/modules/calendars/holiday.entity';

@ArgsType()
export class TaskDuePreviewArgs {
  @IdField({ description: 'The agency that would be asked to do the work.' })
  assigneeAgencyId: string;

  @Field(() => Int, { description: 'Working days from now (1–250), as createTask takes them in due.workingDays.' })
  @IsInt()
  @Min(1)
  @Max(250)
  workingDays: number;
}

@ObjectType('TaskDuePreview', {
  description:
    "When a task due in so many working days would be due if created now: counted in the assignee agency's time zone and holiday calendar, exactly as createTask counts them.",
})
export class TaskDuePreview {
  @Field(() => GraphQLISODateTime, { description: 'The instant the work would be due.' })
  dueAt: Date;

  @Field(() => Int, { description: 'The working days counted.' })
  workingDays: number;

  @Field(() => String, { description: "The assignee agency's time zone (IANA), in which the days were counted." })
  timeZone: string;

  @Field(() => String, { description: 'The country whose holiday calendar was used (ISO 3166-1 alpha-2).' })
  country: string;

  @Field(() => [String], { description: 'Days off (weekends and holidays, YYYY-MM-DD) the count stepped over.' })
  daysOff: string[];

  @Field(() => [HolidayEntity], { description: 'The public holidays among those days off.' })
  holidays: HolidayEntity[];
}
