import { Field, ID, ObjectType } from '@nestjs/graphql';

import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemEventType } from '@app/workflow/history/work-item-event.type';

import { RequestStatus } from '../cross-border.enums';

/** One line of a request's history (an extension keeps the old date here). */
@ObjectType('CrossBorderRequestEvent', { description: "One entry of a cross-border request's history." })
export class CrossBorderRequestEvent extends WorkItemEventType {
  @Field(() => ID, { description: 'The request.' })
  requestId: string;

  @Field(() => RequestStatus, { nullable: true, description: 'Status before.' })
  fromStatus: RequestStatus | null;

  @Field(() => RequestStatus, { nullable: true, description: 'Status after.' })
  toStatus: RequestStatus | null;
}

export function toCrossBorderRequestEvent(row: WorkItemEventEntity): CrossBorderRequestEvent {
  return {
    ...row,
    requestId: row.itemId,
    fromStatus: row.fromStatus as RequestStatus,
    toStatus: row.toStatus as RequestStatus,
  };
}
