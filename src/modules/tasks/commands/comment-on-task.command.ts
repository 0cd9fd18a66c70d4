import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { CommentOnTaskInput } from '../dto/task.inputs';
import { TaskHistoryKind } from '../task.constants';
import { TaskEntity } from '../task.entity';
import { TaskErrorReason, TaskException } from '../task.exception';
import { TaskKind } from '../task.kind';

/** Either agency's liaisons comment on a task; the other side is told. */
@Injectable()
export class CommentOnTaskCommand {
  constructor(
    private readonly kind: TaskKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
  ) {}

  execute(actor: Actor, input: CommentOnTaskInput): Promise<TaskEntity> {
    return this.store.forChange(this.kind, actor, input.id, undefined, async (manager, task) => {
      if (this.kind.sides(actor, task).length === 0) {
        throw new TaskException(TaskErrorReason.WRONG_SIDE, "Only the two agencies' liaisons can comment on a task.");
      }
      return this.changes.record(manager, this.kind, actor, task, {
        operation: 'commentOnTask',
        history: { kind: TaskHistoryKind.COMMENTED, reason: input.body.trim() },
        events: [{ topic: 'task.commented' }],
      });
    });
  }
}
