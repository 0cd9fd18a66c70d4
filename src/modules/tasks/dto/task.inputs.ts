import { ArgsType, Field, GraphQLISODateTime, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

import { EnumField, ExpectedVersionField, IdField, ReasonField, TextField } from '@app/graphql/input-fields';
import { PageArgs } from '@app/graphql/pagination';

import { TaskForceDuty, TaskPillar, TaskPriority, TaskStatus } from '../task.enums';

/** Due date given directly, or as working days counted in the assignee agency's calendar. */
@InputType({ description: 'When the work is due: an instant, or a number of working days.' })
export class TaskDueInput {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The instant the work is due.' })
  @IsOptional()
  @IsDate()
  at?: Date;

  @Field(() => Int, {
    nullable: true,
    description: "Working days from now, in the assignee agency's time zone and holiday calendar.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(250)
  workingDays?: number;
}

@InputType({ description: 'A new task for another agency.' })
export class CreateTaskInput {
  @IdField({ description: 'The agency asked to do the work.' })
  assigneeAgencyId: string;

  @IdField({ description: 'A person of that agency, if the work is for someone in particular.', optional: true })
  assigneeUserId?: string;

  @TextField({ description: 'Short title; no victim names (use reference codes).', min: 3, max: 200 })
  title: string;

  @TextField({ description: 'What is asked, in full.', optional: true, max: 10000 })
  description?: string;

  @EnumField(TaskPillar, { description: 'The pillar the task serves.' })
  pillar: TaskPillar;

  @EnumField(TaskForceDuty, { description: 'The task-force duty the task serves.' })
  duty: TaskForceDuty;

  @EnumField(TaskPriority, { description: 'How urgent (NORMAL when omitted).', optional: true })
  priority?: TaskPriority;

  @Field(() => TaskDueInput, { description: 'When the work is due.' })
  @ValidateNested()
  @Type(() => TaskDueInput)
  due: TaskDueInput;

  @IdField({ description: 'Linked agreement commitment.', optional: true })
  agreementCommitmentId?: string;
}

@InputType({ description: 'Changes to a task by its assigning agency; omitted fields stay as they are.' })
export class EditTaskInput {
  @IdField({ description: 'The task.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @TextField({ description: 'Short title.', optional: true, min: 3, max: 200 })
  title?: string;

  @TextField({ description: 'What is asked.', optional: true, max: 10000 })
  description?: string;

  @EnumField(TaskPillar, { description: 'Pillar.', optional: true })
  pillar?: TaskPillar;

  @EnumField(TaskForceDuty, { description: 'Duty.', optional: true })
  duty?: TaskForceDuty;

  @EnumField(TaskPriority, { description: 'Priority.', optional: true })
  priority?: TaskPriority;

  @IdField({
    description: 'Another assignee agency: allowed while the task is OPEN, or after it was DECLINED (reassigns it).',
    optional: true,
  })
  assigneeAgencyId?: string;

  @IdField({ description: 'A person of the assignee agency.', optional: true })
  assigneeUserId?: string;
}

@InputType({ description: 'A new due date, with the reason (kept in the history).' })
export class RescheduleTaskInput {
  @IdField({ description: 'The task.' })
  id: string;

  @Field(() => TaskDueInput, { description: 'The new due date.' })
  @ValidateNested()
  @Type(() => TaskDueInput)
  due: TaskDueInput;

  @ReasonField('Why the date changes; kept in the history.')
  reason: string;
}

@InputType({ description: 'A transition that needs no reason.' })
export class TaskTransitionInput {
  @IdField({ description: 'The task.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @TextField({ description: 'An optional note for the history.', optional: true, max: 2000 })
  note?: string;
}

@InputType({ description: 'A transition that needs a reason (decline, block, cancel, reopen).' })
export class TaskReasonInput {
  @IdField({ description: 'The task.' })
  id: string;

  @ExpectedVersionField()
  expectedVersion?: number;

  @ReasonField('Why; kept in the history.')
  reason: string;
}

@InputType({ description: 'A comment on a task.' })
export class CommentOnTaskInput {
  @IdField({ description: 'The task.' })
  id: string;

  @TextField({ description: 'The comment (no victim identity: use reference codes).', min: 1, max: 4000 })
  body: string;
}

export enum TaskOrder {
  DUE_AT = 'DUE_AT',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(TaskOrder, { name: 'TaskOrder', description: 'How to order tasks (oldest/earliest first).' });

@InputType({ description: 'Narrows the task list; all given conditions must hold.' })
export class TaskFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only tasks assigned to my agency.' })
  @IsOptional()
  @IsBoolean()
  assignedToMyAgency?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only tasks my agency assigned.' })
  @IsOptional()
  @IsBoolean()
  assignedByMyAgency?: boolean;

  @Field(() => [TaskStatus], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsEnum(TaskStatus, { each: true })
  status?: TaskStatus[];

  @Field(() => Boolean, { nullable: true, description: 'Only open tasks past their due date (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only tasks due before this instant.' })
  @IsOptional()
  @IsDate()
  dueBefore?: Date;

  @EnumField(TaskPillar, { description: 'Only this pillar.', optional: true })
  pillar?: TaskPillar;

  @IdField({
    description:
      'Only tasks linked to this item (a case, victim, referral, cross-border request, commitment or meeting decision).',
    optional: true,
  })
  linkedItemId?: string;

  @TextField({ description: 'Words in the title.', optional: true, max: 100 })
  search?: string;
}

@ArgsType()
export class TasksArgs extends PageArgs {
  @Field(() => TaskFilter, { nullable: true, description: 'Conditions on the tasks.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TaskFilter)
  filter?: TaskFilter;

  @Field(() => TaskOrder, { defaultValue: TaskOrder.DUE_AT, description: 'Order of the list.' })
  @IsEnum(TaskOrder)
  orderBy: TaskOrder = TaskOrder.DUE_AT;
}
