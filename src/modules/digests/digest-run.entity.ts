import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { UserEntity } from '@app/modules/users/user.entity';

import { DigestRunStatus } from './digest.enums';

/**
 * One weekly digest for one person: at most one per ISO week (the unique key), so a rerun, a second schedule
 * firing or a sweep never sends twice; a PENDING row without a job is found by the sweep and sent.
 */
@ObjectType('DigestRun', { description: "One person's weekly digest for one ISO week." })
@Entity('digest_run')
@Index('UQ_digest_run_user_week', ['userId', 'isoWeek'], { unique: true })
@Index('IDX_digest_run_week_status', ['isoWeek', 'status'])
@Index('IDX_digest_run_failed', ['failedAt', 'id'], { where: `"status" = 'FAILED'` })
export class DigestRunEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => GraphQLISODateTime, { description: 'When the run was started.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => ID, { description: 'The recipient.' })
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_digest_run_user' })
  user?: UserEntity;

  @Field(() => String, { description: 'ISO week, e.g. 2026-W48.' })
  @Column({ type: 'varchar', length: 8 })
  isoWeek: string;

  @Field(() => DigestRunStatus, { description: 'Where it stands.' })
  @Column({ type: 'enum', enum: DigestRunStatus, enumName: 'digest_run_status' })
  status: DigestRunStatus;

  @Field(() => String, { nullable: true, description: 'Why it was skipped, or the last error.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => Int, { description: 'Send attempts so far.' })
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the mail server accepted it.' })
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** While SENDING: until when the worker that claimed it may hand it to the server; then others may. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** When this round of delivery began (creation, or an administrator's retry): retries stop a retry span later. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /**
   * The send job the fan-out put it in (the batch's first run id; its job is `digest-batch.<batchId>`): the sweep
   * makes sure that job will run rather than queue the run on its own. Null for runs queued one by one.
   */
  @Column({ type: 'uuid', nullable: true })
  batchId: string | null;
}
