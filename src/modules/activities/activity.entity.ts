import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { ActivityType, FundingSource, TargetGroup } from './activity.enums';
import { wholeRupiah } from './rupiah';

const SEX_COLUMNS = '"participants_female" + "participants_male" + "participants_sex_not_recorded"';
const AGE_COLUMNS =
  '"participants_under_18" + "participants_18_to_24" + "participants_25_to_59" + "participants_60_plus" + "participants_age_not_recorded"';

/**
 * A prevention, protection-capacity, prosecution-capacity or partnership activity: a socialisation, a training,
 * a talk show … Entered by the organising agency and corrected with history. Participants are counted by sex and
 * by age band; each breakdown adds up to the total (the database holds to it too), with a "not recorded" share
 * where the count was not split, so the figures built on them always add up.
 */
@ObjectType('Activity', {
  description:
    'A prevention, training or partnership activity (socialisation, training, campaign, talk show …): when and ' +
    'where, who organised and supported it, whom it reached, what it produced and what it cost.',
})
@Entity('activity')
@Index('UQ_activity_number', ['number'], { unique: true })
@Index('IDX_activity_starts_on', ['startsOn'])
@Index('IDX_activity_organiser', ['organiserAgencyId'])
@Check('CHK_activity_dates', `"ends_on" >= "starts_on"`)
@Check('CHK_activity_cost_not_negative', `"cost_idr" IS NULL OR "cost_idr" >= 0`)
@Check(
  'CHK_activity_participants_by_sex',
  `("participants_total" IS NULL AND ${SEX_COLUMNS} = 0) OR ${SEX_COLUMNS} = "participants_total"`,
)
@Check(
  'CHK_activity_participants_by_age',
  `("participants_total" IS NULL AND ${AGE_COLUMNS} = 0) OR ${AGE_COLUMNS} = "participants_total"`,
)
export class ActivityEntity extends BaseEntity {
  /** Running number behind the reference ACT-000012. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => String, { description: 'Title, e.g. "Youth Dialogue: Unpacking the GCM".' })
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => ActivityType, { description: 'What kind of event it was.' })
  @Column({ type: 'enum', enum: ActivityType, enumName: 'activity_type' })
  type: ActivityType;

  @Field(() => TaskPillar, { description: 'The pillar it served.' })
  @Column({ type: 'enum', enum: TaskPillar, enumName: 'activity_pillar' })
  pillar: TaskPillar;

  @Field(() => TaskForceDuty, { description: 'The task-force duty it served (usually training and cooperation).' })
  @Column({ type: 'enum', enum: TaskForceDuty, enumName: 'activity_duty' })
  duty: TaskForceDuty;

  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD); the same day for a one-day event.' })
  @Column({ type: 'date' })
  endsOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'Region (Kemendagri code: 81 Maluku, 81.71 Kota Ambon); empty for a national or online activity.',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Field(() => String, { description: 'Country where it took place (ISO 3166-1 alpha-2).' })
  @Column({ type: 'char', length: 2, default: 'ID' })
  country: string;

  @Field(() => String, { nullable: true, description: 'Venue or place, e.g. "Universitas Brawijaya, Malang".' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  place: string | null;

  @Field(() => Boolean, { description: 'Held online (wholly or in part).' })
  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Field(() => ID, { description: 'The agency that organised it and records it.' })
  @Column({ type: 'uuid' })
  organiserAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organiser_agency_id', foreignKeyConstraintName: 'FK_activity_organiser_agency' })
  organiserAgency?: AgencyEntity;

  @Field(() => [ID], { description: 'Supporting agencies in Simpul (IOM and NGOs as partners).' })
  @Column({ type: 'uuid', array: true, default: '{}' })
  supportingAgencyIds: string[];

  @Field(() => [String], { description: 'Other supporters not in Simpul, by name (a company, a university).' })
  @Column({ type: 'text', array: true, default: '{}' })
  otherPartners: string[];

  @Field(() => TargetGroup, { description: 'The main group it reached.' })
  @Column({ type: 'enum', enum: TargetGroup, enumName: 'activity_target_group' })
  targetGroup: TargetGroup;

  @Field(() => Int, { nullable: true, description: 'How many took part; empty when not known.' })
  @Column({ type: 'int', nullable: true })
  participantsTotal: number | null;

  @Column({ type: 'int', default: 0 })
  participantsFemale: number;

  @Column({ type: 'int', default: 0 })
  participantsMale: number;

  @Column({ type: 'int', default: 0 })
  participantsSexNotRecorded: number;

  @Column({ type: 'int', default: 0, name: 'participants_under_18' })
  participantsUnder18: number;

  @Column({ type: 'int', default: 0, name: 'participants_18_to_24' })
  participants18To24: number;

  @Column({ type: 'int', default: 0, name: 'participants_25_to_59' })
  participants25To59: number;

  @Column({ type: 'int', default: 0, name: 'participants_60_plus' })
  participants60Plus: number;

  @Column({ type: 'int', default: 0 })
  participantsAgeNotRecorded: number;

  @Field(() => [String], { description: 'Materials produced (a module, a comic, a pocketbook, a film …).' })
  @Column({ type: 'text', array: true, default: '{}' })
  materials: string[];

  @Field(() => Float, { nullable: true, description: 'What it cost, in whole rupiah, if known.' })
  @Column({ type: 'bigint', nullable: true, transformer: wholeRupiah })
  costIdr: number | null;

  @Field(() => FundingSource, { description: 'Who paid.' })
  @Column({ type: 'enum', enum: FundingSource, enumName: 'activity_funding_source' })
  fundingSource: FundingSource;

  @Field(() => String, { nullable: true, description: 'The funder by name (INL, KOICA …) or other funding detail.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  fundingNote: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where a historical record comes from (a paper, a report), when it was entered as history.',
  })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded it; empty for history loaded from the sources.' })
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Field(() => Int, { description: 'Increases with every correction; pass it back as expectedVersion.' })
  @VersionColumn({ default: 1 })
  version: number;
}
