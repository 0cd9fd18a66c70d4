import { Field, ID, ObjectType } from '@nestjs/graphql';

import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemEventType } from '@app/workflow/history/work-item-event.type';

import { TaskStatus } from '../task.enums';

/** One line of a task's history: who, acting for which agency, when, what and why. */
@ObjectType('TaskEvent', { description: "One entry of a task's history." })
export class TaskEvent extends WorkItemEventType {
  @Field(() => ID, { description: 'The task.' })
  taskId: string;

  @Field(() => TaskStatus, { nullable: true, description: 'Status before.' })
  fromStatus: TaskStatus | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Status after.' })
  toStatus: TaskStatus | null;
}

export function toTaskEvent(row: WorkItemEventEntity): TaskEvent {
  return { ...row, taskId: row.itemId, fromStatus: row.fromStatus as TaskStatus, toStatus: row.toStatus as TaskStatus };
}
