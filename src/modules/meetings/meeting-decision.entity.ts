import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgreementCommitmentEntity } from '@app/modules/legal-instruments/agreement-commitment.entity';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { MeetingEntity } from './meeting.entity';

@ObjectType('MeetingDecision', {
  description: 'What a meeting decided, numbered within the meeting, with the action items that carry it out.',
})
@Entity('meeting_decision')
@Index('UQ_meeting_decision_meeting_number', ['meetingId', 'number'], { unique: true })
@Index('IDX_meeting_decision_commitment', ['agreementCommitmentId'])
export class MeetingDecisionEntity extends BaseEntity {
  @Field(() => ID, { description: 'The meeting that decided it.' })
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_decision_meeting' })
  meeting?: MeetingEntity;

  @Field(() => Int, { description: 'Its number in the meeting (1, 2, 3 …).' })
  @Column({ type: 'int' })
  number: number;

  @Field(() => String, { description: 'The decision as minuted (no victim names: use reference codes).' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => TaskPillar, { description: 'The pillar it serves.' })
  @Column({ type: 'enum', enum: TaskPillar, enumName: 'meeting_decision_pillar' })
  pillar: TaskPillar;

  @Field(() => TaskForceDuty, { description: 'The task-force duty it serves.' })
  @Column({ type: 'enum', enum: TaskForceDuty, enumName: 'meeting_decision_duty' })
  duty: TaskForceDuty;

  @Field(() => ID, {
    nullable: true,
    description: 'The agreement commitment it carries forward (e.g. one of the 8 immigration cooperation areas).',
  })
  @Column({ type: 'uuid', nullable: true })
  agreementCommitmentId: string | null;

  @ManyToOne(() => AgreementCommitmentEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_commitment_id', foreignKeyConstraintName: 'FK_meeting_decision_commitment' })
  agreementCommitment?: AgreementCommitmentEntity | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded it; empty for history loaded from the sources.' })
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;
}
