import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { MilestoneStatus, MilestoneType } from './repatriation.enums';
import { RepatriationOperationEntity } from './repatriation-operation.entity';

/**
 * One step of an operation owed by one agency: for the whole group, or for one person (a travel document, a medical
 * clearance). A work item: a deadline in the owner's calendar and time zone, the escalation ladder frozen on when
 * the plan was made, a history.
 */
@ObjectType('RepatriationMilestone', {
  description: 'One step of an operation owed by one agency, with a deadline in its calendar and a history.',
})
@Entity('repatriation_milestone')
@Index('UQ_repatriation_milestone_number', ['number'], { unique: true })
@Index('IDX_repatriation_milestone_operation', ['operationId'])
@Index('IDX_repatriation_milestone_owner', ['ownerAgencyId', 'status', 'dueAt'])
export class RepatriationMilestoneEntity extends BaseEntity {
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => ID, { description: 'The operation.' })
  @Column({ type: 'uuid' })
  operationId: string;

  @ManyToOne(() => RepatriationOperationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'operation_id', foreignKeyConstraintName: 'FK_repatriation_milestone_operation' })
  operation?: RepatriationOperationEntity;

  @Field(() => MilestoneType, { description: 'Which step.' })
  @Column({ type: 'enum', enum: MilestoneType, enumName: 'repatriation_milestone_type' })
  type: MilestoneType;

  @Field(() => ID, { nullable: true, description: 'The person the step is for; empty for the whole group.' })
  @Column({ type: 'uuid', nullable: true })
  victimId: string | null;

  @Field(() => String, { nullable: true, description: "The person's pseudonymous code, for per-person steps." })
  @Column({ type: 'varchar', length: 20, nullable: true })
  victimCode: string | null;

  @Field(() => ID, { description: 'The agency that owes the step.' })
  @Column({ type: 'uuid' })
  ownerAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_agency_id', foreignKeyConstraintName: 'FK_repatriation_milestone_owner' })
  ownerAgency?: AgencyEntity;

  /** The operation's two responsible agencies, copied here so each milestone knows who coordinates it. */
  @Field(() => ID, { description: "The operation's departure-side agency." })
  @Column({ type: 'uuid' })
  sendingAgencyId: string;

  @Field(() => ID, { description: "The operation's receiving agency." })
  @Column({ type: 'uuid' })
  receivingAgencyId: string;

  @Field(() => Boolean, { description: 'Whether the group may not leave until the step is done (or waived).' })
  @Column({ type: 'boolean' })
  blocksDeparture: boolean;

  @Field(() => MilestoneStatus, { description: 'Where the step stands.' })
  @Column({ type: 'enum', enum: MilestoneStatus, enumName: 'repatriation_milestone_status' })
  status: MilestoneStatus;

  @Field(() => GraphQLISODateTime, { description: "When the step is due, in the owner's calendar and time zone." })
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Field(() => Int, { description: 'Increases whenever the due date moves (restarts the reminders).' })
  @Column({ type: 'int', default: 1 })
  deadlineVersion: number;

  @Field(() => String, { nullable: true, description: 'The day the step really happened (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  happenedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The cross-border request the step rests on (an exit clearance).' })
  @Column({ type: 'uuid', nullable: true })
  crossBorderRequestId: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was waived or cancelled.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** The escalation ladder in force when the plan was made. */
  @Column({ type: 'jsonb' })
  escalationPolicy: Record<string, unknown>;

  @Field(() => Int, { description: 'Increases with every change; concurrent changes are refused with CONFLICT.' })
  @VersionColumn({ default: 1 })
  version: number;
}
