import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { ActivityRevisionKind } from './activity.enums';
import { ActivityEntity } from './activity.entity';

/** One entry of an activity's history: who recorded or corrected it, when, why, and what changed. */
@ObjectType('ActivityRevision', { description: "One entry of an activity's history." })
@Entity('activity_revision')
@Index('IDX_activity_revision_activity', ['activityId', 'occurredAt'])
export class ActivityRevisionEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The activity.' })
  @Column({ type: 'uuid' })
  activityId: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'FK_activity_revision_activity' })
  activity?: ActivityEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who; empty for history loaded from the sources.' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency they acted for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => ActivityRevisionKind, { description: 'Recorded, or corrected.' })
  @Column({ type: 'varchar', length: 20 })
  kind: ActivityRevisionKind;

  @Field(() => String, { nullable: true, description: 'Why it was corrected.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'The fields that changed, before and after.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;
}
