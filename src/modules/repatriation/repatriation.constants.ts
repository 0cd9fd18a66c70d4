import { formatReference } from '@app/kernel/reference';
import { WorkItemType } from '@app/workflow/work-item-kind';

/** Operations, their milestones and follow-up contacts in the history, ladders and audit. */
export const OPERATION_ITEM_TYPE = WorkItemType.REPATRIATION_OPERATION;
export const MILESTONE_ITEM_TYPE = WorkItemType.REPATRIATION_MILESTONE;
export const FOLLOW_UP_ITEM_TYPE = WorkItemType.FOLLOW_UP_CONTACT;
export const OPERATION_PREFIX = 'RPT';
export const MILESTONE_PREFIX = 'RMS';
export const FOLLOW_UP_PREFIX = 'FUC';
export const DUE_DEADLINE = 'DUE';
/** The follow-up schedule and the loss rule in force (policy data, seeded; administrators may add another). */
export const DEFAULT_FOLLOW_UP_POLICY = 'follow-up-default-2026';
/** Working days the home region has to accept a handover (the task's due date). */
export const HANDOVER_TASK_WORKING_DAYS = 5;

export const operationReference = (item: { number: number }) => formatReference(OPERATION_PREFIX, item.number);
export const milestoneReference = (item: { number: number }) => formatReference(MILESTONE_PREFIX, item.number);
export const followUpReference = (item: { number: number }) => formatReference(FOLLOW_UP_PREFIX, item.number);

/** History entries besides the kernel's TRANSITION and ESCALATED. */
export enum RepatriationHistoryKind {
  CREATED = 'CREATED',
  PERSON_JOINED = 'PERSON_JOINED',
  PERSON_LEFT = 'PERSON_LEFT',
  HANDED_OVER = 'HANDED_OVER',
  TRANSITION = 'TRANSITION',
}
