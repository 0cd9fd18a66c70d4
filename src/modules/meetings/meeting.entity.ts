import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { FundingSource } from '@app/modules/activities/activity.enums';
import { wholeRupiah } from '@app/modules/activities/rupiah';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';

import { MeetingType, MinutesStatus } from './meeting.enums';

@ObjectType('Meeting', {
  description:
    'A meeting of a task-force unit (or bilateral, with counterparts): when and where, who attended for which ' +
    'agency, the minutes, and the decisions with their action items.',
})
@Entity('meeting')
@Index('UQ_meeting_number', ['number'], { unique: true })
@Index('IDX_meeting_unit_starts', ['unitId', 'startsAt'])
@Check('CHK_meeting_ends_after_start', `"ends_at" IS NULL OR "ends_at" > "starts_at"`)
@Check('CHK_meeting_place_or_online', `"online" OR "place" IS NOT NULL`)
@Check('CHK_meeting_cost_not_negative', `"cost_idr" IS NULL OR "cost_idr" >= 0`)
export class MeetingEntity extends BaseEntity {
  /** Running number behind the reference MTG-000012. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => ID, { description: 'The task-force unit whose meeting this is.' })
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => TaskForceUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_meeting_unit' })
  unit?: TaskForceUnitEntity;

  @Field(() => MeetingType, { description: 'Coordination meeting of the unit, bilateral or multilateral.' })
  @Column({ type: 'enum', enum: MeetingType, enumName: 'meeting_type' })
  type: MeetingType;

  @Field(() => String, { description: 'Title, e.g. "Rapat Koordinasi Nasional GTPP-TPPO Triwulan IV".' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => GraphQLISODateTime, { description: 'When the meeting starts (or started).' })
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it ends, if known.' })
  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Field(() => String, {
    description: "IANA time zone the meeting's date and times are given in (the unit's, unless it meets elsewhere).",
  })
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Field(() => String, { nullable: true, description: 'Where it takes place; empty for an online-only meeting.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Field(() => Boolean, { description: 'Held online (wholly, or alongside the place).' })
  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Field(() => [String], { description: 'The agenda, item by item.' })
  @Column({ type: 'text', array: true, default: '{}' })
  agenda: string[];

  @Field(() => ID, { description: 'The member agency that convenes the meeting and records it.' })
  @Column({ type: 'uuid' })
  organiserAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_agency_id', foreignKeyConstraintName: 'FK_meeting_organiser_agency' })
  organiserAgency?: AgencyEntity;

  @Field(() => String, { nullable: true, description: 'The minutes (a document once documents exist).' })
  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Field(() => MinutesStatus, { description: 'Where the minutes stand.' })
  @Column({ type: 'enum', enum: MinutesStatus, enumName: 'meeting_minutes_status', default: MinutesStatus.NONE })
  minutesStatus: MinutesStatus;

  @Field(() => Float, { nullable: true, description: 'What the meeting cost, in whole rupiah, if known.' })
  @Column({ type: 'bigint', nullable: true, transformer: wholeRupiah })
  costIdr: number | null;

  @Field(() => FundingSource, { description: 'Who paid for the meeting.' })
  @Column({
    type: 'enum',
    enum: FundingSource,
    enumName: 'meeting_funding_source',
    default: FundingSource.NOT_RECORDED,
  })
  fundingSource: FundingSource;

  @Field(() => String, {
    nullable: true,
    description: 'Where a historical record comes from (a paper, a report), when it was entered as history.',
  })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Field(() => ID, { nullable: true, description: 'Who scheduled it; empty for history loaded from the sources.' })
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion to edit safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
