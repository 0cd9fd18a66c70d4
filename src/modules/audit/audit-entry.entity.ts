import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

/** Field-level change: the value before and after the operation. */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

@ObjectType('AuditEntry', {
  description: 'An append-only record of a mutation or a read of personal data: who, for which agency, what, when.',
})
@Entity('audit_entry')
@Index('IDX_audit_entry_occurred_at', ['occurredAt'])
@Index('IDX_audit_entry_target', ['targetType', 'targetId'])
@Index('IDX_audit_entry_actor', ['actorUserId'])
export class AuditEntryEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // clock_timestamp(), not now(): entries written in one transaction keep their real order.
  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it; empty for the system or an anonymous login attempt.' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor was acting for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => String, { description: 'The operation, e.g. createAgency, login, readVictimIdentity.' })
  @Column({ type: 'varchar', length: 80 })
  operation: string;

  @Field(() => String, { description: 'Type of the record acted on, e.g. Agency.' })
  @Column({ type: 'varchar', length: 60 })
  targetType: string;

  @Field(() => ID, { nullable: true, description: 'Id of the record acted on.' })
  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  @Field(() => GraphQLJSON, {
    description: 'Changed fields with their values before and after; secrets and personal data are never stored here.',
  })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: AuditChanges;

  @Field(() => String, { nullable: true, description: 'Id of the HTTP request, to join with the logs.' })
  @Column({ type: 'varchar', length: 80, nullable: true })
  requestId: string | null;
}
