import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { TaskStatus } from './task.enums';
import { TaskEntity } from './task.entity';

export enum TaskEventKind {
  CREATED = 'CREATED',
  EDITED = 'EDITED',
  RESCHEDULED = 'RESCHEDULED',
  COMMENTED = 'COMMENTED',
  TRANSITION = 'TRANSITION',
  /** A rung of the escalation ladder fired (the system, not a person). */
  ESCALATED = 'ESCALATED',
}

/** One line of a task's history: who, acting for which agency, when, what and why. */
@ObjectType('TaskEvent', { description: "One entry of a task's history." })
@Entity('task_event')
@Index('IDX_task_event_task', ['taskId', 'occurredAt'])
export class TaskEventEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The task.' })
  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_task_event_task' })
  task?: TaskEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it; empty for the system (escalations).' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor acted for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => String, { description: 'CREATED, EDITED, RESCHEDULED, COMMENTED, TRANSITION or ESCALATED.' })
  @Column({ type: 'varchar', length: 30 })
  kind: TaskEventKind;

  @Field(() => String, { nullable: true, description: 'For transitions: the action taken (ACKNOWLEDGE, BLOCK …).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  action: string | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Status before.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: TaskStatus | null;

  @Field(() => TaskStatus, { nullable: true, description: 'Status after.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus: TaskStatus | null;

  @Field(() => String, { nullable: true, description: 'Why (a decline, a block, a new date), or the comment.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => GraphQLJSON, { description: 'Changed fields, before and after.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
