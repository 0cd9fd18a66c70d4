import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { diffFields } from '@app/modules/audit/audit.service';
import { WorkItemChanges } from '@app/workflow/work-item-changes';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { EditTaskInput } from '../dto/task.inputs';
import { TaskAction, TaskSide, TaskStatus } from '../task.enums';
import { TaskHistoryKind } from '../task.constants';
import { TaskEntity } from '../task.entity';
import { TaskErrorReason, TaskException } from '../task.exception';
import { TaskKind } from '../task.kind';
import { TaskAssignmentService } from './task-assignment.service';
import { TaskLinksService } from './task-links.service';

/** The fields the assigning agency may edit (and the audit trail compares). */
export const EDITABLE_TASK_FIELDS: (keyof TaskEntity)[] = [
  'title',
  'description',
  'pillar',
  'duty',
  'priority',
  'assigneeAgencyId',
  'assigneeUserId',
];

/**
 * The assigning agency corrects a task. The assignee agency can change while the task is OPEN; sending a DECLINED
 * task to another agency reassigns it (back to OPEN, with a new ladder for its due date).
 */
@Injectable()
export class EditTaskCommand {
  constructor(
    private readonly kind: TaskKind,
    private readonly store: WorkItemStore,
    private readonly changes: WorkItemChanges,
    private readonly assignment: TaskAssignmentService,
    private readonly links: TaskLinksService,
  ) {}

  execute(actor: Actor, input: EditTaskInput): Promise<TaskEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, task) => {
      if (!this.kind.sides(actor, task).includes(TaskSide.ASSIGNER)) {
        throw new TaskException(TaskErrorReason.WRONG_SIDE, "Only the assigning agency's liaisons can edit this task.");
      }
      const before = { ...task };
      const { id: _id, expectedVersion: _version, ...edits } = input;
      const assigneeChanged = edits.assigneeAgencyId !== undefined && edits.assigneeAgencyId !== task.assigneeAgencyId;
      const reassigned = assigneeChanged && task.status === TaskStatus.DECLINED;
      if (assigneeChanged) {
        if (!reassigned && task.status !== TaskStatus.OPEN) {
          throw new TaskException(
            TaskErrorReason.ILLEGAL_TRANSITION,
            `The assignee can change only while the task is OPEN or after it was DECLINED (it is ${task.status}).`,
            'assigneeAgencyId',
          );
        }
        const assignee = await this.assignment.requireAssigneeAgency(manager, actor, edits.assigneeAgencyId as string);
        // A case-linked task goes only to an agency of the case team (editing never widens access).
        if (task.caseId) await this.links.requireAssigneeInCase(manager, actor, task.caseId, assignee);
        if (edits.assigneeUserId === undefined) task.assigneeUserId = null;
      }
      await this.assignment.requireAssigneeUser(
        manager,
        edits.assigneeUserId,
        edits.assigneeAgencyId ?? task.assigneeAgencyId,
      );
      Object.assign(task, edits);
      if (reassigned) {
        return this.changes.transition(manager, this.kind, actor, task, {
          action: TaskAction.REASSIGN,
          sides: [TaskSide.ASSIGNER],
          // A declined task sent to another agency starts a new ladder for its due date.
          apply: (item) => {
            item.deadlineVersion += 1;
          },
          operation: 'editTask',
          history: { details: diffFields(before, task, EDITABLE_TASK_FIELDS) },
          audit: (item) => diffFields(before, item, [...EDITABLE_TASK_FIELDS, 'status']),
        });
      }
      return this.changes.record(manager, this.kind, actor, task, {
        operation: 'editTask',
        history: {
          kind: TaskHistoryKind.EDITED,
          fromStatus: before.status,
          toStatus: task.status,
          details: diffFields(before, task, EDITABLE_TASK_FIELDS),
        },
        audit: diffFields(before, task, [...EDITABLE_TASK_FIELDS, 'status']),
        events: assigneeChanged ? [{ topic: 'task.assigned' }] : [],
      });
    });
  }
}
