import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { SuspectStatus } from './suspect.enums';
import { SuspectEntity } from './suspect.entity';

/** One line of a suspect's history: who, for which agency, which step, on which day. Never identity values. */
@ObjectType('SuspectEvent', { description: "One entry of a suspect's history (never identity values)." })
@Entity('suspect_event')
@Index('IDX_suspect_event_suspect', ['suspectId', 'recordedAt'])
export class SuspectEventEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_suspect_event' })
  id: string;

  @Column({ type: 'uuid' })
  suspectId: string;

  @ManyToOne(() => SuspectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'suspect_id', foreignKeyConstraintName: 'FK_suspect_event_suspect' })
  suspect?: SuspectEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it was recorded.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  recordedAt: Date;

  @Field(() => String, { description: 'The day it happened (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  occurredOn: string;

  @Field(() => ID, { description: 'Who recorded it.' })
  @Column({ type: 'uuid' })
  actorUserId: string;

  @Field(() => ID, { description: 'The agency they acted for.' })
  @Column({ type: 'uuid' })
  actingAgencyId: string;

  @Field(() => SuspectStatus, { nullable: true, description: 'The status before (empty when recorded).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus: SuspectStatus | null;

  @Field(() => SuspectStatus, { description: 'The status after.' })
  @Column({ type: 'varchar', length: 30 })
  toStatus: SuspectStatus;

  @Field(() => GraphQLJSON, { description: 'Details (codes, roles); never identity.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
