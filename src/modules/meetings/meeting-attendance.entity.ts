import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { AttendanceStatus } from './meeting.enums';
import { MeetingEntity } from './meeting.entity';

@ObjectType('MeetingAttendee', { description: 'A person who attended for an agency (officials, not victims).' })
export class MeetingAttendee {
  @Field(() => String, { description: 'Name as it appears on the attendance list.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Position or rank, e.g. "Director General of Immigration".' })
  position: string | null;
}

@ObjectType('MeetingAttendance', {
  description: 'One agency on the attendance list of a meeting: invited, and how it took part.',
})
@Entity('meeting_attendance')
@Index('UQ_meeting_attendance_meeting_agency', ['meetingId', 'agencyId'], { unique: true })
@Index('IDX_meeting_attendance_agency', ['agencyId'])
export class MeetingAttendanceEntity extends BaseEntity {
  @Field(() => ID, { description: 'The meeting.' })
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => MeetingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'FK_meeting_attendance_meeting' })
  meeting?: MeetingEntity;

  @Field(() => ID, { description: 'The agency.' })
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_meeting_attendance_agency' })
  agency?: AgencyEntity;

  /** Place on the list: the organiser first, then the invited agencies in the order given, then walk-ins. */
  @Column({ type: 'int' })
  position: number;

  @Field(() => AttendanceStatus, { description: 'How the agency took part (INVITED until attendance is recorded).' })
  @Column({
    type: 'enum',
    enum: AttendanceStatus,
    enumName: 'meeting_attendance_status',
    default: AttendanceStatus.INVITED,
  })
  status: AttendanceStatus;

  @Field(() => [MeetingAttendee], { description: 'Who attended for the agency.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  people: MeetingAttendee[];

  @Field(() => String, { nullable: true, description: 'A note (the notice given, who represented whom).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
