import { Field, ID, ObjectType } from '@nestjs/graphql';

import { ConnectionType } from '@app/graphql/pagination';
import { WorkItemEventType } from '@app/workflow/history/work-item-event.type';

import { MilestoneType } from '../repatriation.enums';
import { FollowUpContactEntity } from '../follow-up-contact.entity';
import { RepatriationOperationEntity } from '../repatriation-operation.entity';

@ObjectType({ description: 'Whether one person on an operation may leave: the steps done and those still blocking.' })
export class TravelReadiness {
  @Field(() => ID, { description: 'The person.' })
  victimId: string;

  @Field(() => String, { description: 'The pseudonymous code.' })
  victimCode: string;

  @Field(() => Boolean, { description: 'No step blocks the departure of this person.' })
  ready: boolean;

  @Field(() => [MilestoneType], { description: 'Steps done (or waived) for the person or the group.' })
  done: MilestoneType[];

  @Field(() => [MilestoneType], { description: 'Steps still pending that block departure.' })
  blocking: MilestoneType[];
}

@ObjectType('RepatriationEvent', { description: 'One entry of an operation, milestone or follow-up history.' })
export class RepatriationEvent extends WorkItemEventType {
  @Field(() => String, { nullable: true, description: 'Status before.' })
  fromStatus: string | null;

  @Field(() => String, { nullable: true, description: 'Status after.' })
  toStatus: string | null;
}

@ObjectType()
export class RepatriationOperationConnection extends ConnectionType(
  RepatriationOperationEntity,
  'RepatriationOperation',
) {}

@ObjectType()
export class FollowUpContactConnection extends ConnectionType(FollowUpContactEntity, 'FollowUpContact') {}
