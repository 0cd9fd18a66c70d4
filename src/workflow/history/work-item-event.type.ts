import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

import { GraphQLJSON } from '@app/graphql/json.scalar';

/** The fields every kind's history entry shows; each kind names its item and types its statuses. */
@ObjectType({ isAbstract: true })
export abstract class WorkItemEventType {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it; empty for the system (escalations, expiry, lapses).' })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor acted for.' })
  actingAgencyId: string | null;

  @Field(() => String, {
    description:
      'What happened: CREATED, TRANSITION, ESCALATED, or a step of the kind (RESCHEDULED, COUNTERPART_REPLY …).',
  })
  kind: string;

  @Field(() => String, { nullable: true, description: 'For transitions: the action taken (ACKNOWLEDGE, ACCEPT …).' })
  action: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why (a decline, a block, a new date), the outcome, or the comment.',
  })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'Details: changed fields before and after, ids, codes, rung keys.' })
  details: Record<string, unknown>;
}
