import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { RequestStatus } from './cross-border.enums';
import { CrossBorderRequestEntity } from './cross-border-request.entity';

export enum RequestEventKind {
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

/** One line of a request's history (an extension keeps the old date here). */
@ObjectType('CrossBorderRequestEvent', { description: "One entry of a cross-border request's history." })
@Entity('cross_border_request_event')
@Index('IDX_cross_border_request_event_request', ['requestId', 'occurredAt'])
export class CrossBorderRequestEventEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The request.' })
  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => CrossBorderRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_cross_border_request_event_request' })
  request?: CrossBorderRequestEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it happened (for recorded replies: when it was recorded).' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it; empty for the system.' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor acted for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => String, { description: 'What happened (DRAFTED, TRANSITION, COUNTERPART_REPLY, DEADLINE_EXTENDED …).' })
  @Column({ type: 'varchar', length: 30 })
  kind: RequestEventKind;

  @Field(() => RequestStatus, { nullable: true, description: 'Status before.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: RequestStatus | null;

  @Field(() => RequestStatus, { nullable: true, description: 'Status after.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus: RequestStatus | null;

  @Field(() => String, { nullable: true, description: 'Reason or grounds.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'Details: old and new dates, reply channel and reference, stage …' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
