import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/database/base.entity';

import { DuplicateFlagStatus, DuplicateMatch } from './victim.enums';
import { VictimEntity } from './victim.entity';

/**
 * Another agency tried to register a person already in the register under a record it may not see. The
 * registration was refused (one person, one record); this flag asks the unit secretariat to reconcile,
 * e.g. by having the owner record consent for the second agency. Neither agency learns the other's record
 * from it; the secretariat sees codes and agencies only.
 */
@ObjectType('PossibleDuplicate', {
  description: 'A refused registration that matched a record the registering agency may not see.',
})
@Entity('victim_duplicate_flag')
@Index('IDX_victim_duplicate_flag_victim', ['existingVictimId'])
export class DuplicateFlagEntity extends BaseEntity {
  @Field(() => ID, { description: 'The record already in the register.' })
  @Column({ type: 'uuid' })
  existingVictimId: string;

  @ManyToOne(() => VictimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'existing_victim_id', foreignKeyConstraintName: 'FK_victim_duplicate_flag_victim' })
  existingVictim?: VictimEntity;

  @Field(() => ID, { description: 'The agency whose registration was refused.' })
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
}
