import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { GraphQLJSON } from '@app/graphql/json.scalar';

import { JusticeStatus } from './case.enums';
import { CaseEntity } from './case.entity';

export enum CaseEventKind {
  OPENED = 'OPENED',
  UPDATED = 'UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  PARTICIPANT_ADDED = 'PARTICIPANT_ADDED',
  PARTICIPATION_ENDED = 'PARTICIPATION_ENDED',
  LEAD_HANDED_OVER = 'LEAD_HANDED_OVER',
  COMMENTED = 'COMMENTED',
  /** An agency recorded something for one of the case's people (details: the code, what, the agency). */
  PERSON_RECORD = 'PERSON_RECORD',
}

registerEnumType(CaseEventKind, {
  name: 'CaseEventKind',
  description: "What kind of change an entry of a case's history records.",
  valuesMap: {
    OPENED: { description: 'The case was opened.' },
    UPDATED: { description: 'Descriptive fields changed (details holds before and after).' },
    STATUS_CHANGED: { description: 'The case moved on the justice track.' },
    PARTICIPANT_ADDED: { description: 'An agency joined the case team (details: agency, role, since).' },
    PARTICIPATION_ENDED: { description: 'An agency left the case team and no longer sees the case.' },
    LEAD_HANDED_OVER: { description: 'Another participant took over the lead, with the reason.' },
    COMMENTED: { description: 'A comment by a participant (reason holds it; never identity).' },
    PERSON_RECORD: {
      description:
        "Something an agency recorded for one of the case's people: registration, identification, protection step, service, referral (by code).",
    },
  },
});

/** One line of a case's history: who, acting for which agency, when, what and why. */
@ObjectType('CaseEvent', { description: "One entry of a case's history." })
@Entity('case_event')
@Index('IDX_case_event_case', ['caseId', 'occurredAt'])
export class CaseEventEntity {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The case.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_case_event_case' })
  case?: CaseEntity;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who did it.' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency the actor acted for.' })
  @Column({ type: 'uuid', nullable: true })
  actingAgencyId: string | null;

  @Field(() => CaseEventKind, { description: 'What kind of change this was.' })
  @Column({ type: 'varchar', length: 30 })
  kind: CaseEventKind;

  @Field(() => JusticeStatus, { nullable: true, description: 'Status before (status changes only).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus: JusticeStatus | null;

  @Field(() => JusticeStatus, { nullable: true, description: 'Status after (opening and status changes).' })
  @Column({ type: 'varchar', length: 30, nullable: true })
  toStatus: JusticeStatus | null;

  @Field(() => String, { nullable: true, description: 'Why (a side exit, a resumption), or a note on the step.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The day the recorded event happened (YYYY-MM-DD), when it differs from the recording.',
  })
  @Column({ type: 'date', nullable: true })
  occurredOn: string | null;

  @Field(() => GraphQLJSON, { description: 'Changed fields, before and after.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
