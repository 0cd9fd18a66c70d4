import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { ReferralStatus } from './referral.enums';
import { ReferralEntity } from './referral.entity';

export enum ReferralEventKind {
  PROPOSED = 'PROPOSED',
  TRANSITION = 'TRANSITION',
  REROUTED = 'REROUTED',
  ESCALATED = 'ESCALATED',
}

/** One line of a referral's history. */
@ObjectType('ReferralEvent', { description: "One entry of a referral's history." })
@Entity('referral_event')
@Index('IDX_referral_event_referral', ['referralId', 'occurredAt'])
export class ReferralEventEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The referral.' })
  @Column({ type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'FK_referral_event_referral' })
  referral?: ReferralEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it; empty for the system (expiry, escalations).' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor acted for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => String, { description: 'PROPOSED, TRANSITION, REROUTED or ESCALATED.' })
  @Column({ type: 'varchar', length: 20 })
  kind: ReferralEventKind;

  @Field(() => ReferralStatus, { nullable: true, description: 'Status before.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: ReferralStatus | null;

  @Field(() => ReferralStatus, { nullable: true, description: 'Status after.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus: ReferralStatus | null;

  @Field(() => String, { nullable: true, description: 'Why (a decline, a withdrawal), or the outcome.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'Details (ids, codes, rung keys).' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
