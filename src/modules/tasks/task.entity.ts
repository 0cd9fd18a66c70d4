import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { CaseEntity } from '@app/modules/cases/case.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { UserEntity } from '@app/modules/users/user.entity';

import { TaskForceDuty, TaskPillar, TaskPriority, TaskStatus } from './task.enums';

@ObjectType('Task', { description: 'Work one agency asks another to do, with a due date and a full history.' })
@Entity('task')
@Index('UQ_task_number', ['number'], { unique: true })
@Index('IDX_task_assignee_status_due', ['assigneeAgencyId', 'status', 'dueAt'])
@Index('IDX_task_assigning_status_due', ['assigningAgencyId', 'status', 'dueAt'])
// Covering (INCLUDE …), created by migration 1797900000000, which TypeORM cannot declare: left alone by it.
@Index('IDX_task_assignee_covering', { synchronize: false })
@Index('IDX_task_meeting_decision', ['meetingDecisionId'])
@Index('IDX_task_case', ['caseId'])
export class TaskEntity extends BaseEntity {
  /** Running number behind the reference code TSK-000123. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => ID, { description: 'The agency that asked for the work.' })
  @Column({ type: 'uuid' })
  assigningAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigning_agency_id', foreignKeyConstraintName: 'FK_task_assigning_agency' })
  assigningAgency?: AgencyEntity;

  @Field(() => ID, { description: 'The agency asked to do the work.' })
  @Column({ type: 'uuid' })
  assigneeAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_agency_id', foreignKeyConstraintName: 'FK_task_assignee_agency' })
  assigneeAgency?: AgencyEntity;

  @Field(() => ID, { nullable: true, description: 'The person of the assignee agency the work is for, if named.' })
  @Column({ type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_user_id', foreignKeyConstraintName: 'FK_task_assignee_user' })
  assigneeUser?: UserEntity | null;

  @Field(() => ID, { description: 'Who created the task.' })
  @Column({ type: 'uuid' })
  createdByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'FK_task_created_by' })
  createdBy?: UserEntity;

  @Field(() => String, { description: 'Short title (no victim names).' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { description: 'What is asked, in full.' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field(() => TaskPillar, { description: 'The pillar the task serves.' })
  @Column({ type: 'enum', enum: TaskPillar, enumName: 'task_pillar' })
  pillar: TaskPillar;

  @Field(() => TaskForceDuty, { description: 'The task-force duty the task serves.' })
  @Column({ type: 'enum', enum: TaskForceDuty, enumName: 'task_force_duty' })
  duty: TaskForceDuty;

  @Field(() => TaskPriority, { description: 'How urgent it is.' })
  @Column({ type: 'enum', enum: TaskPriority, enumName: 'task_priority', default: TaskPriority.NORMAL })
  priority: TaskPriority;

  @Field(() => TaskStatus, { description: 'Where the task stands.' })
  @Column({ type: 'enum', enum: TaskStatus, enumName: 'task_status', default: TaskStatus.OPEN })
  status: TaskStatus;

  @Field(() => GraphQLISODateTime, { description: 'When the work is due.' })
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Field(() => Int, {
    description: 'Increases whenever the due date changes or the task reopens (restarts reminders).',
  })
  @Column({ type: 'int', default: 1 })
  deadlineVersion: number;

  @Field(() => String, { nullable: true, description: 'Why the task is blocked, while it is.' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  blockedReason: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the task was last completed.' })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The case the task belongs to (its id; `case` gives the case when you may see it).',
  })
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @ManyToOne(() => CaseEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_task_case' })
  case?: CaseEntity | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Never set; tasks link people through `victims`.',
    deprecationReason: 'A task may concern several people: use victims.',
  })
  @Column({ type: 'uuid', nullable: true })
  victimId: string | null;

  @Field(() => ID, { nullable: true, description: 'Linked referral.' })
  @Column({ type: 'uuid', nullable: true })
  referralId: string | null;

  @Field(() => ID, { nullable: true, description: 'Linked cross-border request.' })
  @Column({ type: 'uuid', nullable: true })
  crossBorderRequestId: string | null;

  @Field(() => ID, { nullable: true, description: 'Linked agreement commitment.' })
  @Column({ type: 'uuid', nullable: true })
  agreementCommitmentId: string | null;

  @ManyToOne(() => AgreementCommitmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_commitment_id', foreignKeyConstraintName: 'FK_task_agreement_commitment' })
  agreementCommitment?: AgreementCommitmentEntity | null;

  // No foreign key from here: tasks know nothing of meetings; the meetings module's action_item row holds the link
  // with its constraint, and this column lets a task be found by its decision (the linkedItemId filter).
  @Field(() => ID, {
    nullable: true,
    description: 'The meeting decision this task carries out, when it is an action item.',
  })
  @Column({ type: 'uuid', nullable: true })
  meetingDecisionId: string | null;

  /** The escalation ladder in force when the task was created, frozen so later policy edits leave it alone. */
  @Column({ type: 'jsonb' })
  escalationPolicy: Record<string, unknown>;

  @Field(() => Int, { description: 'Increases with every change; concurrent changes are refused with CONFLICT.' })
  @VersionColumn({ default: 1 })
  version: number;
}
