import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { CaseRole } from '@app/kernel/case-role';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { CaseEntity } from './case.entity';

/**
 * An agency taking part in a case (the case team), with its role, its period and who added it. Plain data with a
 * history, not a work item: nobody owes anybody a step on it, it has no deadline and no ladder. The lead agency has
 * a row too (`lead`), so "who works this case" is one table. Access follows the row: while it is current
 * (endedAt empty) the agency's officers see the case and its people by code; once ended they see nothing more.
 */
@ObjectType('CaseParticipant', {
  description: 'An agency taking part in a case, with its role and period. The lead agency is one of them.',
})
@Entity('case_participant')
@Index('UQ_case_participant_current', ['caseId', 'agencyId'], { unique: true, where: '"ended_at" IS NULL' })
@Index('UQ_case_participant_lead', ['caseId'], { unique: true, where: '"lead" AND "ended_at" IS NULL' })
@Index('IDX_case_participant_agency', ['agencyId', 'caseId'])
export class CaseParticipantEntity extends BaseEntity {
  @Field(() => ID, { description: 'The case.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_case_participant_case' })
  case?: CaseEntity;

  @Field(() => ID, { description: 'The agency taking part.' })
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_case_participant_agency' })
  agency?: AgencyEntity;

  @Field(() => CaseRole, { description: 'What the agency does in the case.' })
  @Column({ type: 'enum', enum: CaseRole, enumName: 'case_role' })
  role: CaseRole;

  @Field(() => Boolean, { description: 'Whether the agency leads the case (exactly one current participant does).' })
  @Column({ type: 'boolean', default: false })
  lead: boolean;

  @Field(() => String, { description: 'The day the agency began taking part (YYYY-MM-DD; may be historical).' })
  @Column({ type: 'date' })
  since: string;

  @Field(() => ID, { description: 'Who added the agency (or opened the case, for the first lead).' })
  @Column({ type: 'uuid' })
  addedByUserId: string;

  @Field(() => ID, { description: 'The agency that added it.' })
  @Column({ type: 'uuid' })
  addedByAgencyId: string;

  @Field(() => String, { nullable: true, description: 'The last day of the participation, once ended.' })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the end was recorded; from then on the agency no longer sees the case.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who ended the participation.' })
  @Column({ type: 'uuid', nullable: true })
  endedByUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  endReason: string | null;
}
