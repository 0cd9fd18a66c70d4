import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';

import { SuspectRelation, SuspectRole, SuspectStatus } from './suspect.enums';

/**
 * A person suspected in a case, known everywhere by a pseudonymous code (SUS-…). The identity is sealed like a
 * victim's (AES-256-GCM, bound to this row) and opened only for officers of the case's law-enforcement
 * participants, each opening audited; the unit secretariat reads codes only; nobody else sees the record.
 */
@ObjectType('Suspect', {
  description:
    "A person suspected in a case, by pseudonymous code; identity only for the case's investigators and prosecutors.",
})
@Entity('suspect')
@Index('UQ_suspect_code', ['code'], { unique: true })
@Index('IDX_suspect_case', ['caseId'])
export class SuspectEntity extends BaseEntity {
  @Field(() => String, { description: 'Pseudonymous code used everywhere, e.g. SUS-4H8RT2KQ.' })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Field(() => ID, { description: 'The case.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_suspect_case' })
  case?: CaseEntity;

  @Field(() => SuspectRole, { description: 'Their part in the trafficking chain.' })
  @Column({ type: 'enum', enum: SuspectRole, enumName: 'suspect_role' })
  roleInChain: SuspectRole;

  @Field(() => String, { nullable: true, description: 'Nationality, ISO 3166-1 alpha-2, where known.' })
  @Column({ type: 'char', length: 2, nullable: true })
  nationality: string | null;

  @Field(() => [SuspectRelation], { description: 'How they stand to the victims (e.g. RELATIVE).' })
  @Column({ type: 'enum', enum: SuspectRelation, enumName: 'suspect_relation', array: true, default: '{}' })
  relationToVictims: SuspectRelation[];

  @Field(() => SuspectStatus, { description: 'Where they stand in the criminal process.' })
  @Column({ type: 'enum', enum: SuspectStatus, enumName: 'suspect_status' })
  status: SuspectStatus;

  @Field(() => String, { description: 'The day they reached that status (YYYY-MM-DD; may be historical).' })
  @Column({ type: 'date' })
  statusOn: string;

  @Field(() => ID, { description: 'Who recorded the suspect.' })
  @Column({ type: 'uuid' })
  recordedByUserId: string;

  @Field(() => ID, { description: 'The agency that recorded the suspect.' })
  @Column({ type: 'uuid' })
  recordedByAgencyId: string;

  /** The sealed identity (SuspectIdentity as JSON), bound to this row's id. */
  @Column({ type: 'text' })
  identitySealed: string;

  @Field(() => Int, { description: 'Increases with every change; send it back to detect concurrent edits.' })
  @VersionColumn({ default: 1 })
  version: number;
}
