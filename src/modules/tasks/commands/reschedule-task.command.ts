import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RescheduleTaskInput } from '../dto/task.inputs';
import { TaskSide } from '../task.enums';
import { TaskHistoryKind } from '../task.constants';
import { TaskEntity } from '../task.entity';
import { TaskErrorReason, TaskException } from '../task.exception';
import { TaskKind } from '../task.kind';
import { OPEN_STATUSES } from '../task.lifecycle';
import { TaskAssignmentService } from './task-assignment.service';

/** The assigning agency moves the due date of an open task, with a reason; the ladder restarts for the new date. */
@Injectable()
export class RescheduleTaskCommand {
  constructor(
    private readonly kind: TaskKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly assignment: TaskAssignmentService,
  ) {}

  execute(actor: Actor, input: RescheduleTaskInput): Promise<TaskEntity> {
    return this.store.forChange(this.kind, actor, input.id, undefined, async (manager, task) => {
      if (!this.kind.sides(actor, task).includes(TaskSide.ASSIGNER)) {
        throw new TaskException(
          TaskErrorReason.WRONG_SIDE,
          "Only the assigning agency's liaisons can re-date this task.",
        );
      }
      if (!OPEN_STATUSES.includes(task.status)) {
        throw new TaskException(
          TaskErrorReason.ILLEGAL_TRANSITION,
          `A task that is ${task.status} has no due date to change.`,
        );
      }
      const assignee = await manager.findOneByOrFail(AgencyEntity, { id: task.assigneeAgencyId });
      const before = task.dueAt;
      task.dueAt = await this.assignment.resolveDue(input.due, assignee);
      task.deadlineVersion += 1;
      const changes = { dueAt: { before: before.toISOString(), after: task.dueAt.toISOString() } };
      return this.changes.record(manager, this.kind, actor, task, {
        operation: 'rescheduleTask',
        history: { kind: TaskHistoryKind.RESCHEDULED, reason: input.reason, details: changes },
        audit: changes,
        events: [{ topic: 'task.due-date-changed' }],
      });
    });
  }
}
