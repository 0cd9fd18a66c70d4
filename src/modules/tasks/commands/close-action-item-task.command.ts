import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor } from '@app/auth/actor';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { TaskAction, TaskSide } from '../task.enums';
import { TaskEntity } from '../task.entity';
import { TaskKind } from '../task.kind';
import { OPEN_STATUSES } from '../task.lifecycle';

/**
 * A meeting closes one of its action items (the meetings module records the outcome and has already decided that
 * the actor acts for the meeting, which assigned the task): a task still in play is cancelled on the assigning
 * side, with the outcome as the reason, so it leaves the owner's queue and its ladder stops. A task already done,
 * declined or cancelled is left as it is.
 */
@Injectable()
export class CloseActionItemTaskCommand {
  constructor(
    private readonly kind: TaskKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
  ) {}

  async execute(manager: EntityManager, actor: Actor, taskId: string, reason: string): Promise<TaskEntity> {
    // The meeting's rule decided access; the task's own visibility (liaisons, secretariats) would refuse an
    // attaché or a secretariat officer who closes it for the meeting.
    const task = await this.store.lockForSystem(manager, this.kind, taskId);
    if (!task) throw this.kind.notFound(taskId);
    if (!OPEN_STATUSES.includes(task.status)) return task;
    return this.changes.transition(manager, this.kind, actor, task, {
      action: TaskAction.CANCEL,
      sides: [TaskSide.ASSIGNER],
      reason,
      operation: 'closeActionItem',
      eventExtra: (from) => ({ action: TaskAction.CANCEL, fromStatus: from }),
    });
  }
}
