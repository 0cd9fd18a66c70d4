import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { VictimEntity } from './victim.entity';

export enum VictimEventKind {
  REGISTERED = 'REGISTERED',
  CONSENT_RECORDED = 'CONSENT_RECORDED',
  CONSENT_REVOKED = 'CONSENT_REVOKED',
  /** No longer written (flags keep duplicates away from the records' history); kept for earlier entries. */
  DUPLICATE_REPORTED = 'DUPLICATE_REPORTED',
  /** No longer written, as DUPLICATE_REPORTED. */
  DUPLICATE_RESOLVED = 'DUPLICATE_RESOLVED',
  PROTECTION_STATUS_CHANGED = 'PROTECTION_STATUS_CHANGED',
  IDENTIFICATION_DECIDED = 'IDENTIFICATION_DECIDED',
  SERVICE_DELIVERED = 'SERVICE_DELIVERED',
  /** An agency (the owner or a case participant) referred the person to a provider (details: the referral). */
  REFERRAL_PROPOSED = 'REFERRAL_PROPOSED',
}

/** One line of a victim record's history. Details hold ids, codes and statuses, never identity values. */
@ObjectType('VictimEvent', { description: "One entry of a victim record's history (never identity values)." })
@Entity('victim_event')
@Index('IDX_victim_event_victim', ['victimId', 'occurredAt'])
export class VictimEventEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The victim record.' })
  @Column({ type: 'uuid' })
  victimId: string;

  @ManyToOne(() => VictimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'victim_id', foreignKeyConstraintName: 'FK_victim_event_victim' })
  victim?: VictimEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it.' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor acted for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => String, {
    description:
      'REGISTERED, CONSENT_RECORDED, CONSENT_REVOKED, DUPLICATE_REPORTED, DUPLICATE_RESOLVED, PROTECTION_STATUS_CHANGED, IDENTIFICATION_DECIDED, SERVICE_DELIVERED or REFERRAL_PROPOSED.',
  })
  @Column({ type: 'varchar', length: 30 })
  kind: VictimEventKind;

  @Field(() => String, {
    nullable: true,
    description: 'The day the recorded event happened (YYYY-MM-DD): a rescue, a step, a service, a decision.',
  })
  @Column({ type: 'date', nullable: true })
  occurredOn: string | null;

  @Field(() => GraphQLJSON, { description: 'What changed (ids, codes, statuses).' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
