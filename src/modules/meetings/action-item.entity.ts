import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { TaskEntity } from '@app/modules/tasks/task.entity';

import { ActionItemOutcome } from './meeting.enums';
import { MeetingDecisionEntity } from './meeting-decision.entity';
import { MeetingEntity } from './meeting.entity';

/**
 * An action item: the link from a decision to the task that carries it out (owner agency, due date, lifecycle and
 * escalation all live on the task), and the outcome the meeting records when it closes the item. Shown through the
 * ActionItem type, which joins the two.
 */
@Entity('action_item')
@Index('UQ_action_item_task', ['taskId'], { unique: true })
@Index('IDX_action_item_decision', ['decisionId'])
@Check('CHK_action_item_closed_with_outcome', `("outcome" IS NULL) = ("closed_at" IS NULL)`)
export class ActionItemEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => MeetingDecisionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'FK_action_item_decision' })
  decision?: MeetingDecisionEntity;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => TaskEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'FK_action_item_task' })
  task?: TaskEntity;

  @Column({ type: 'enum', enum: ActionItemOutcome, enumName: 'action_item_outcome', nullable: true })
  outcome: ActionItemOutcome | null;

  @Column({ type: 'text', nullable: true })
  outcomeNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedByUserId: string | null;

  /** The later meeting of the unit at which it was closed, when it was closed at one. */
  @Column({ type: 'uuid', nullable: true })
  closedInMeetingId: string | null;

  @ManyToOne(() => MeetingEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_in_meeting_id', foreignKeyConstraintName: 'FK_action_item_closed_in_meeting' })
  closedInMeeting?: MeetingEntity | null;
}
