import { Field, ID, ObjectType } from '@nestjs/graphql';

import { WorkItemEventEntity } from '@app/workflow/history/work-item-event.entity';
import { WorkItemEventType } from '@app/workflow/history/work-item-event.type';

import { ReferralStatus } from '../referral.enums';

/** One line of a referral's history. */
@ObjectType('ReferralEvent', { description: "One entry of a referral's history." })
export class ReferralEvent extends WorkItemEventType {
  @Field(() => ID, { description: 'The referral.' })
  referralId: string;

  @Field(() => ReferralStatus, { nullable: true, description: 'Status before.' })
  fromStatus: ReferralStatus | null;

  @Field(() => ReferralStatus, { nullable: true, description: 'Status after.' })
  toStatus: ReferralStatus | null;
}

export function toReferralEvent(row: WorkItemEventEntity): ReferralEvent {
  return {
    ...row,
    referralId: row.itemId,
    fromStatus: row.fromStatus as ReferralStatus,
    toStatus: row.toStatus as ReferralStatus,
  };
}
