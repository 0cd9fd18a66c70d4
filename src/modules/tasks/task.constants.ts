import { formatReference } from '@app/kernel/reference';
import { WorkItemType } from '@app/workflow/work-item-kind';

/** Tasks in the history, ladders and audit: their one deadline is the due date. */
export const TASK_ITEM_TYPE = WorkItemType.TASK;
export const TASK_DEADLINE_KIND = 'DUE';
export const TASK_REFERENCE_PREFIX = 'TSK';

/** The human reference of a task, e.g. TSK-000042. */
export function taskReference(task: { number: number }): string {
  return formatReference(TASK_REFERENCE_PREFIX, task.number);
}

/** The entries of a task's history (TRANSITION and ESCALATED are the kernel's own). */
export enum TaskHistoryKind {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  RESCHEDULED = 'RESCHEDULED',
  COMMENTED = 'COMMENTED',
  TRANSITION = 'TRANSITION',
  ESCALATED = 'ESCALATED',
}
