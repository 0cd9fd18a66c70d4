import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { FollowUpStatus } from './repatriation.enums';
import { ReintegrationPlanEntity } from './reintegration-plan.entity';

/**
 * A scheduled contact with a person after return (1, 3, 6, 12 months by default), owed by the plan's responsible
 * agency and due in its calendar: a work item, so a missed one reminds and escalates like any other deadline.
 */
@ObjectType('FollowUpContact', {
  description: 'A scheduled contact with a person after return, due in the responsible agency calendar.',
})
@Entity('follow_up_contact')
@Index('UQ_follow_up_contact_number', ['number'], { unique: true })
@Index('UQ_follow_up_contact_plan_sequence', ['planId', 'sequence'], { unique: true })
@Index('IDX_follow_up_contact_responsible', ['responsibleAgencyId', 'status', 'dueAt'])
export class FollowUpContactEntity extends BaseEntity {
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => ID, { description: 'The plan.' })
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => ReintegrationPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_follow_up_contact_plan' })
  plan?: ReintegrationPlanEntity;

  @Field(() => ID, { description: 'The person.' })
  @Column({ type: 'uuid' })
  victimId: string;

  @Field(() => String, { description: 'The pseudonymous code.' })
  @Column({ type: 'varchar', length: 20 })
  victimCode: string;

  @Field(() => ID, { nullable: true, description: "The person's case." })
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Field(() => ID, { description: 'The agency that owes the contact.' })
  @Column({ type: 'uuid' })
  responsibleAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_agency_id', foreignKeyConstraintName: 'FK_follow_up_contact_agency' })
  responsibleAgency?: AgencyEntity;

  @Field(() => Int, { description: '1 for the first contact, 2 for the second …' })
  @Column({ type: 'int' })
  sequence: number;

  @Field(() => Int, { description: 'Months after return.' })
  @Column({ type: 'int' })
  monthsAfterReturn: number;

  @Field(() => String, { description: 'The day the contact is due (YYYY-MM-DD, a working day of the agency).' })
  @Column({ type: 'date' })
  scheduledOn: string;

  @Field(() => GraphQLISODateTime, { description: 'The end of that working day, in the agency time zone.' })
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Field(() => Int, { description: 'Increases whenever the due date moves.' })
  @Column({ type: 'int', default: 1 })
  deadlineVersion: number;

  @Field(() => FollowUpStatus, { description: 'SCHEDULED, or what the contact found.' })
  @Column({ type: 'enum', enum: FollowUpStatus, enumName: 'follow_up_contact_status' })
  status: FollowUpStatus;

  @Field(() => String, { nullable: true, description: 'The day of the contact (or of the attempt).' })
  @Column({ type: 'date', nullable: true })
  contactedOn: string | null;

  /** The escalation ladder in force when the contact was scheduled. */
  @Column({ type: 'jsonb' })
  escalationPolicy: Record<string, unknown>;

  @Field(() => Int, { description: 'Increases with every change; concurrent changes are refused with CONFLICT.' })
  @VersionColumn({ default: 1 })
  version: number;
}
