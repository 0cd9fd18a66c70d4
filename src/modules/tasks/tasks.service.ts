import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { Connection, PageArgs } from '@app/graphql/pagination';
import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';

import { CloseActionItemTaskCommand } from './commands/close-action-item-task.command';
import { CommentOnTaskCommand } from './commands/comment-on-task.command';
import { CreateTaskCommand } from './commands/create-task.command';
import { EditTaskCommand } from './commands/edit-task.command';
import { RescheduleTaskCommand } from './commands/reschedule-task.command';
import { TransitionTaskCommand } from './commands/transition-task.command';
import { CommentOnTaskInput, CreateTaskInput, EditTaskInput, RescheduleTaskInput, TasksArgs } from './dto/task.inputs';
import { TaskQueries } from './queries/task-queries.service';
import { TaskAction } from './task.enums';
import { TaskEntity } from './task.entity';

/**
 * Tasks between agencies, the liaison's daily work: one entry point per use case, each in its own file under
 * commands/ and queries/ (the resolver, other modules and the test factories call these).
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly queries: TaskQueries,
    private readonly creating: CreateTaskCommand,
    private readonly editing: EditTaskCommand,
    private readonly rescheduling: RescheduleTaskCommand,
    private readonly transitioning: TransitionTaskCommand,
    private readonly commenting: CommentOnTaskCommand,
    private readonly closingActionItems: CloseActionItemTaskCommand,
  ) {}

  findVisible(actor: Actor, id: string): Promise<TaskEntity> {
    return this.queries.findVisible(actor, id);
  }

  list(actor: Actor, args: TasksArgs): Promise<Connection<TaskEntity>> {
    return this.queries.list(actor, args);
  }

  workQueue(actor: Actor, page: PageArgs): Promise<Connection<TaskEntity>> {
    return this.queries.workQueue(actor, page);
  }

  /** The tasks of many cases the actor may see (Case.tasks). */
  tasksOfCases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, TaskEntity[]>> {
    return this.queries.ofCases(actor, caseIds);
  }

  historyOf(taskIds: readonly string[]): Promise<Map<string, WorkItemEventEntity[]>> {
    return this.queries.historyOf(taskIds);
  }

  createTask(actor: Actor, input: CreateTaskInput): Promise<TaskEntity> {
    return this.creating.execute(actor, input);
  }

  editTask(actor: Actor, input: EditTaskInput): Promise<TaskEntity> {
    return this.editing.execute(actor, input);
  }

  rescheduleTask(actor: Actor, input: RescheduleTaskInput): Promise<TaskEntity> {
    return this.rescheduling.execute(actor, input);
  }

  /** Every lifecycle action (acknowledge, decline, start, block, unblock, complete, cancel, reopen). */
  transition(
    actor: Actor,
    action: TaskAction,
    input: { id: string; expectedVersion?: number; reason?: string; note?: string },
  ): Promise<TaskEntity> {
    return this.transitioning.execute(actor, action, input);
  }

  comment(actor: Actor, input: CommentOnTaskInput): Promise<TaskEntity> {
    return this.commenting.execute(actor, input);
  }

  /** An action item of a meeting decision, created in the decision's transaction (the meetings module calls this). */
  createActionItemTask(
    manager: EntityManager,
    actor: Actor,
    input: CreateTaskInput,
    meetingDecisionId: string,
  ): Promise<TaskEntity> {
    return this.creating.execute(actor, input, { manager, meetingDecisionId });
  }

  /**
   * A task asking a person's home region to accept them on return, created in the arrival's transaction (the
   * repatriation module calls this after bringing the assignee into the case).
   */
  createHandoverTask(manager: EntityManager, actor: Actor, input: CreateTaskInput): Promise<TaskEntity> {
    return this.creating.execute(actor, input, { manager, meetingDecisionId: null });
  }

  /** The meeting closed an action item: the task, if still in play, is cancelled with the outcome as reason. */
  closeActionItemTask(manager: EntityManager, actor: Actor, taskId: string, reason: string): Promise<TaskEntity> {
    return this.closingActionItems.execute(manager, actor, taskId, reason);
  }
}
