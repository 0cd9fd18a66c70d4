import { Lifecycle } from '@app/workflow/lifecycle';

import { TaskAction, TaskSide, TaskStatus } from './task.enums';

const S = TaskStatus;

/** Statuses in which the task still waits for the assignee (counted as open work, can be overdue). */
export const OPEN_STATUSES: readonly TaskStatus[] = [S.OPEN, S.ACKNOWLEDGED, S.IN_PROGRESS, S.BLOCKED, S.REOPENED];

/**
 * The task lifecycle (DOMAIN.md section 3), in one table:
 * OPEN → ACKNOWLEDGED → IN_PROGRESS ⇄ BLOCKED → DONE; a reopened task goes round again; the assignee may
 * decline (with a reason) before starting, which returns the task to the assigner, who may reassign it;
 * the assigner may cancel any task still in play.
 */
export const TASK_LIFECYCLE: Lifecycle<TaskStatus, TaskAction, TaskSide> = {
  noun: 'task',
  statuses: Object.values(TaskStatus),
  initial: S.OPEN,
  transitions: {
    ACKNOWLEDGE: { from: [S.OPEN, S.REOPENED], to: S.ACKNOWLEDGED, by: TaskSide.ASSIGNEE, reasonRequired: false },
    DECLINE: {
      from: [S.OPEN, S.ACKNOWLEDGED, S.REOPENED],
      to: S.DECLINED,
      by: TaskSide.ASSIGNEE,
      reasonRequired: true,
    },
    START: { from: [S.ACKNOWLEDGED], to: S.IN_PROGRESS, by: TaskSide.ASSIGNEE, reasonRequired: false },
    BLOCK: { from: [S.IN_PROGRESS], to: S.BLOCKED, by: TaskSide.ASSIGNEE, reasonRequired: true },
    UNBLOCK: { from: [S.BLOCKED], to: S.IN_PROGRESS, by: TaskSide.ASSIGNEE, reasonRequired: false },
    COMPLETE: { from: [S.IN_PROGRESS], to: S.DONE, by: TaskSide.ASSIGNEE, reasonRequired: false },
    CANCEL: { from: OPEN_STATUSES, to: S.CANCELLED, by: TaskSide.ASSIGNER, reasonRequired: true },
    REOPEN: { from: [S.DONE], to: S.REOPENED, by: TaskSide.ASSIGNER, reasonRequired: true },
    REASSIGN: { from: [S.DECLINED], to: S.OPEN, by: TaskSide.ASSIGNER, reasonRequired: false },
  },
  sideNames: { ASSIGNER: "the assigning agency's liaisons", ASSIGNEE: "the assignee agency's liaisons" },
  open: OPEN_STATUSES,
  terminal: [S.CANCELLED],
};
