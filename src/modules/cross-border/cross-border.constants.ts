import { formatReference } from '@app/kernel/reference';
import { Topic } from '@app/kernel/topics';
import { WorkItemType } from '@app/workflow/work-item-kind';

import { RequestStage } from './cross-border.enums';

/** Cross-border requests in the history, ladders and audit: one deadline per stage. */
export const CROSS_BORDER_ITEM_TYPE = WorkItemType.CROSS_BORDER_REQUEST;
export const CROSS_BORDER_REFERENCE_PREFIX = 'CBR';

/** The request's field holding each stage's deadline. */
export const STAGE_FIELD: Record<RequestStage, 'acknowledgeBy' | 'decideBy' | 'executeBy'> = {
  ACKNOWLEDGE: 'acknowledgeBy',
  DECIDE: 'decideBy',
  EXECUTE: 'executeBy',
};

/** The human reference of a request, e.g. CBR-000042. */
export function requestReference(request: { number: number }): string {
  return formatReference(CROSS_BORDER_REFERENCE_PREFIX, request.number);
}

/** The events a cross-border request emits. */
export type CrossBorderTopic = Extract<Topic, `cross-border.${string}`>;

/** The entries of a request's history (TRANSITION and ESCALATED are the kernel's own). */
export enum RequestHistoryKind {
  DRAFTED = 'DRAFTED',
  TRANSITION = 'TRANSITION',
  COUNTERPART_REPLY = 'COUNTERPART_REPLY',
  DEADLINE_EXTENDED = 'DEADLINE_EXTENDED',
  CLOCK_PAUSED = 'CLOCK_PAUSED',
  CLOCK_RESUMED = 'CLOCK_RESUMED',
  STAGE_OVERDUE = 'STAGE_OVERDUE',
  FORMAL_CHANNEL_PROPOSED = 'FORMAL_CHANNEL_PROPOSED',
  ESCALATED = 'ESCALATED',
}
