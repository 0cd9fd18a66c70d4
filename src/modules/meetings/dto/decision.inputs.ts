import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

import { EnumField, IdField, ReasonField, TextField } from '@app/graphql/input-fields';
import { TaskDueInput } from '@app/modules/tasks/dto/task.inputs';
import { TaskForceDuty, TaskPillar, TaskPriority } from '@app/modules/tasks/task.enums';

import { ActionItemOutcome } from '../meeting.enums';

@InputType({ description: 'Work a decision asks of one agency: it becomes a task assigned to that agency.' })
export class ActionItemInput {
  @IdField({ description: 'The agency that owes it (an Indonesian government body; not a partner or counterpart).' })
  ownerAgencyId: string;

  @IdField({ description: 'A person of the owner agency, if the work is for someone in particular.', optional: true })
  assigneeUserId?: string;

  @TextField({ description: 'What is to be done, in short; no victim names.', min: 3, max: 200 })
  title: string;

  @TextField({ description: 'In full.', optional: true, max: 10000 })
  description?: string;

  @Field(() => TaskDueInput, {
    description: "When it is due: an instant, or working days counted in the owner agency's own calendar.",
  })
  @ValidateNested()
  @Type(() => TaskDueInput)
  due: TaskDueInput;

  @EnumField(TaskPriority, { description: 'How urgent (NORMAL when omitted).', optional: true })
  priority?: TaskPriority;
}

@InputType({ description: 'A decision of a meeting that has been held, with the action items that carry it out.' })
export class RecordDecisionInput {
  @IdField({ description: 'The meeting (it must have started).' })
  meetingId: string;

  @TextField({ description: 'The decision as minuted (no victim names: use reference codes).', min: 3, max: 5000 })
  text: string;

  @EnumField(TaskPillar, { description: 'The pillar it serves.' })
  pillar: TaskPillar;

  @EnumField(TaskForceDuty, {
    description: 'The task-force duty it serves (COORDINATION when omitted).',
    optional: true,
  })
  duty?: TaskForceDuty;

  @IdField({ description: 'The agreement commitment it carries forward, if any.', optional: true })
  agreementCommitmentId?: string;

  @Field(() => [ActionItemInput], { nullable: true, description: 'The action items (none: the decision only).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ActionItemInput)
  actionItems?: ActionItemInput[];
}

@InputType({ description: 'The meeting closes an action item and records how it ended.' })
export class CloseActionItemInput {
  @IdField({ description: 'The action item.' })
  id: string;

  @EnumField(ActionItemOutcome, { description: 'How it ended.' })
  outcome: ActionItemOutcome;

  @ReasonField('What was done, or why it ends otherwise; kept with the outcome.')
  note: string;

  @IdField({ description: 'The later meeting of the same unit at which it was closed, if any.', optional: true })
  meetingId?: string;
}
