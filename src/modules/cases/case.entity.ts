import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';
import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { UserEntity } from '@app/modules/users/user.entity';

import { ExploitationType, IntakeChannel, JusticeStatus, MeansOfControl, RecruitmentChannel } from './case.enums';

/**
 * A trafficking case on the justice track. It describes the pattern (where from, where to, how recruited and
 * controlled, what exploitation) and never who: victims are separate, pseudonymous records linked to it.
 * The table is `trafficking_case` because CASE is an SQL keyword.
 */
@ObjectType('Case', {
  description:
    'A trafficking case on the justice track, led by one agency within a task-force unit. Carries no victim identity.',
})
@Entity('trafficking_case')
@Index('UQ_trafficking_case_number', ['number'], { unique: true })
@Index('IDX_trafficking_case_lead_agency_status', ['leadAgencyId', 'status'])
@Index('IDX_trafficking_case_unit_status', ['unitId', 'status'])
// The service validates these; the checks keep rows written any other way (seeds, fixes by hand) to the same shape.
@Check('CHK_trafficking_case_exploitation_types', `cardinality("exploitation_types") > 0`)
@Check('CHK_trafficking_case_origin_region_code', `"origin_region_code" ~ '^[0-9]{2}([.][0-9]{2})?$'`)
export class CaseEntity extends BaseEntity {
  /** Running number behind the reference code CASE-000123. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => ID, { description: 'The agency leading the case: the agency of whoever opened it.' })
  @Column({ type: 'uuid' })
  leadAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_agency_id', foreignKeyConstraintName: 'FK_trafficking_case_lead_agency' })
  leadAgency?: AgencyEntity;

  @Field(() => ID, { description: 'The task-force unit the case is handled in.' })
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => TaskForceUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_trafficking_case_unit' })
  unit?: TaskForceUnitEntity;

  @Field(() => ID, { description: 'Who opened the case.' })
  @Column({ type: 'uuid' })
  openedByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by_user_id', foreignKeyConstraintName: 'FK_trafficking_case_opened_by' })
  openedBy?: UserEntity;

  @Field(() => String, {
    nullable: true,
    description:
      'Region the victims were recruited from: a province or regency/city code (Kemendagri), e.g. 53 or 32.12.',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  originRegionCode: string | null;

  @Field(() => [String], { description: 'Countries of destination (ISO 3166-1 alpha-2, e.g. KH, MY; ID if domestic).' })
  @Column({ type: 'varchar', length: 2, array: true, default: '{}' })
  destinationCountries: string[];

  @Field(() => [String], { description: 'Countries passed through on the way (ISO 3166-1 alpha-2).' })
  @Column({ type: 'varchar', length: 2, array: true, default: '{}' })
  transitCountries: string[];

  @Field(() => [ExploitationType], { description: 'Forms of exploitation (at least one; OTHER when unclear).' })
  @Column({ type: 'enum', enum: ExploitationType, enumName: 'case_exploitation_type', array: true })
  exploitationTypes: ExploitationType[];

  @Field(() => [RecruitmentChannel], { description: 'How the victims were recruited; empty while unknown.' })
  @Column({
    type: 'enum',
    enum: RecruitmentChannel,
    enumName: 'case_recruitment_channel',
    array: true,
    default: '{}',
  })
  recruitmentChannels: RecruitmentChannel[];

  @Field(() => [MeansOfControl], { description: 'How the victims were kept under control; empty while unknown.' })
  @Column({ type: 'enum', enum: MeansOfControl, enumName: 'case_means_of_control', array: true, default: '{}' })
  meansOfControl: MeansOfControl[];

  @Field(() => IntakeChannel, { description: 'How the case reached the task force.' })
  @Column({ type: 'enum', enum: IntakeChannel, enumName: 'case_intake_channel' })
  intakeChannel: IntakeChannel;

  @Field(() => JusticeStatus, { description: 'Where the case stands on the justice track.' })
  @Column({ type: 'enum', enum: JusticeStatus, enumName: 'case_justice_status', default: JusticeStatus.REPORTED })
  status: JusticeStatus;

  @Field(() => GraphQLISODateTime, { description: 'When the case reached its current status.' })
  @Column({ type: 'timestamptz' })
  statusChangedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Why the case took its current status, when that needed a reason (a side exit, a resumption).',
  })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  statusReason: string | null;

  @Field(() => String, {
    description:
      'Short description of the pattern (e.g. "online-scam compound recruited via Facebook job ads"). ' +
      'Never names or identifies a person: use reference codes.',
  })
  @Column({ type: 'varchar', length: 1000, default: '' })
  summary: string;

  @Field(() => String, {
    nullable: true,
    description: 'The day the case was first reported (YYYY-MM-DD), as it happened, not when it was recorded.',
  })
  @Column({ type: 'date', nullable: true })
  reportedOn: string | null;

  @Field(() => String, { nullable: true, description: 'First day of the exploitation, where known (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  exploitationFrom: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the exploitation, where known (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  exploitationTo: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The day of the rescue or exit (YYYY-MM-DD); people rescued on another day carry their own.',
  })
  @Column({ type: 'date', nullable: true })
  rescuedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the rescue or exit took place (a town or district, e.g. "Poipet, Banteay Meanchey").',
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  rescuePlace: string | null;

  @Field(() => String, { nullable: true, description: 'Country of the rescue or exit (ISO 3166-1 alpha-2).' })
  @Column({ type: 'char', length: 2, nullable: true })
  rescueCountry: string | null;

  @Field(() => Int, { description: 'Increases with every change; concurrent changes are refused with CONFLICT.' })
  @VersionColumn({ default: 1 })
  version: number;
}
