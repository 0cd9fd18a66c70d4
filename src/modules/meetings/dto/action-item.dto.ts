import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

import { ConnectionType } from '@app/graphql/pagination';
import { TaskStatus } from '@app/modules/tasks/task.enums';

import { ActionItemOutcome, ActionItemStatus } from '../meeting.enums';

@ObjectType('ActionItem', {
  description:
    "Work a meeting decision asks of one agency. It is a task on the owner agency's queue (due in working days of " +
    'its calendar, escalating like any task); the meeting closes it and records the outcome.',
})
export class ActionItem {
  @Field(() => ID, { description: 'Stable identifier of the action item.' })
  id: string;

  @Field(() => ID, { description: 'The decision it carries out.' })
  decisionId: string;

  @Field(() => ID, { description: 'The meeting that decided it.' })
  meetingId: string;

  @Field(() => ID, { description: 'The task on the owner agency’s queue.' })
  taskId: string;

  @Field(() => String, { description: 'The task’s reference, e.g. TSK-000042.' })
  reference: string;

  @Field(() => String, { description: 'What is to be done.' })
  title: string;

  @Field(() => ID, { description: 'The agency that owes it.' })
  ownerAgencyId: string;

  @Field(() => GraphQLISODateTime, { description: 'When it is due.' })
  dueAt: Date;

  @Field(() => ActionItemStatus, { description: "The task's status, or CLOSED once the meeting closed it." })
  status: ActionItemStatus;

  @Field(() => TaskStatus, { description: 'The status of the task itself.' })
  taskStatus: TaskStatus;

  @Field(() => Boolean, { description: 'Not closed, not done, and past its due date.' })
  overdue: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the owner agency completed the task.' })
  completedAt: Date | null;

  @Field(() => ActionItemOutcome, { nullable: true, description: 'How it ended, once the meeting closed it.' })
  outcome: ActionItemOutcome | null;

  @Field(() => String, { nullable: true, description: 'What was done, or why it ended otherwise.' })
  outcomeNote: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the meeting closed it.' })
  closedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The later meeting at which it was closed, if any.' })
  closedInMeetingId: string | null;
}

@ObjectType('ActionItemAgencyCount', { description: 'Open action items one agency owes.' })
export class ActionItemAgencyCount {
  /** Resolved through the agency loader. */
  agencyId: string;

  @Field(() => Int, { description: 'Action items not yet closed.' })
  open: number;

  @Field(() => Int, { description: 'Of those, how many are past their due date and not done.' })
  overdue: number;
}

@ObjectType('OpenActionItemConnection', {
  description: 'Open action items, earliest due first, with the count per owner agency over all pages.',
})
export class OpenActionItemConnection extends ConnectionType(ActionItem, 'ActionItem') {
  @Field(() => [ActionItemAgencyCount], {
    description: 'Per owner agency, the open items matching the filter (most overdue first), over all pages.',
  })
  byAgency: ActionItemAgencyCount[];
}
