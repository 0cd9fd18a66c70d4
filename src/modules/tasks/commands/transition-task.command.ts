import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { TaskAction, TaskStatus } from '../task.enums';
import { TaskEntity } from '../task.entity';
import { TaskKind } from '../task.kind';

/** Every lifecycle action on a task (acknowledge, decline, start, block, unblock, complete, cancel, reopen). */
@Injectable()
export class TransitionTaskCommand {
  constructor(
    private readonly kind: TaskKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly clock: Clock,
  ) {}

  execute(
    actor: Actor,
    action: TaskAction,
    input: { id: string; expectedVersion?: number; reason?: string; note?: string },
  ): Promise<TaskEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, task) => {
      return this.changes.transition(manager, this.kind, actor, task, {
        action,
        sides: this.kind.sides(actor, task),
        reason: input.reason,
        apply: (item) => {
          item.blockedReason = item.status === TaskStatus.BLOCKED ? (input.reason ?? null) : null;
          if (item.status === TaskStatus.DONE) item.completedAt = this.clock.now();
          // A reopened task is due again: its ladder starts over.
          if (action === TaskAction.REOPEN) item.deadlineVersion += 1;
        },
        operation: `${action.toLowerCase()}Task`,
        history: { reason: input.reason ?? input.note ?? null },
        eventExtra: (from) => ({ action, fromStatus: from }),
      });
    });
  }
}
