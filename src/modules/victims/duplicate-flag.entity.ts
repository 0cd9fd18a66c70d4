import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { DuplicateFlagStatus, DuplicateMatch } from './victim.enums';
import { VictimEntity } from './victim.entity';

/**
 * A registration matched a record the registering agency may not see (same passport or NIK, or a close name
 * with the same date of birth and origin). The registration went through as if nothing matched, so the caller
 * cannot learn who is on the register; this flag asks the unit secretariat to reconcile the two records (e.g. the
 * owner records consent for the second agency and one record is retired). Nothing is written on the existing
 * record: its owning agency did nothing. The secretariat sees codes and agencies only, never identities.
 */
@ObjectType('PossibleDuplicate', {
  description: 'A registration that matched a record the registering agency may not see, for the secretariat.',
})
@Entity('victim_duplicate_flag')
@Index('IDX_victim_duplicate_flag_victim', ['existingVictimId'])
@Index('IDX_victim_duplicate_flag_new_victim', ['newVictimId'])
export class DuplicateFlagEntity extends BaseEntity {
  @Field(() => ID, { description: 'The record already in the register, of another agency.' })
  @Column({ type: 'uuid' })
  existingVictimId: string;

  @ManyToOne(() => VictimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'existing_victim_id', foreignKeyConstraintName: 'FK_victim_duplicate_flag_victim' })
  existingVictim?: VictimEntity;

  @Field(() => ID, {
    nullable: true,
    description: 'The record the registering agency made (empty for registrations refused before records were kept).',
  })
  @Column({ type: 'uuid', nullable: true })
  newVictimId: string | null;

  @ManyToOne(() => VictimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'new_victim_id', foreignKeyConstraintName: 'FK_victim_duplicate_flag_new_victim' })
  newVictim?: VictimEntity;

  @Field(() => ID, { description: 'The agency whose registration matched.' })
  @Column({ type: 'uuid' })
  reportingAgencyId: string;

  @Column({ type: 'uuid' })
  reportedByUserId: string;

  @Field(() => DuplicateMatch, { description: 'What matched.' })
  @Column({ type: 'enum', enum: DuplicateMatch, enumName: 'victim_duplicate_match' })
  matchedOn: DuplicateMatch;

  @Field(() => DuplicateFlagStatus, { description: 'OPEN until the secretariat reconciles it.' })
  @Column({ type: 'enum', enum: DuplicateFlagStatus, enumName: 'victim_duplicate_flag_status' })
  status: DuplicateFlagStatus;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the secretariat closed it.' })
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedByUserId: string | null;

  @Field(() => String, { nullable: true, description: 'How it was reconciled, as the secretariat wrote it.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  resolutionNote: string | null;
}
