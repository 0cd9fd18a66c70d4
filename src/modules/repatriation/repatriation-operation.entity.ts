import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { OperationStatus } from './repatriation.enums';

/**
 * A group of people (one or many, from one or more cases) travelling home to Indonesia from one country: the route,
 * the planned and actual departure and arrival, and the agency responsible on each side. Its milestones are work
 * items of their own; the people on it are rows of repatriation_operation_person, kept when they leave.
 */
@ObjectType('RepatriationOperation', {
  description:
    'A group travelling home from one country, with its route, dates, the responsible agency on each side, its milestones and its people (by code).',
})
@Entity('repatriation_operation')
@Check('CHK_repatriation_operation_headcount', `"recorded_headcount" IS NULL OR "recorded_headcount" >= 0`)
@Index('UQ_repatriation_operation_number', ['number'], { unique: true })
@Index('IDX_repatriation_operation_sending', ['sendingAgencyId', 'status'])
@Index('IDX_repatriation_operation_receiving', ['receivingAgencyId', 'status'])
export class RepatriationOperationEntity extends BaseEntity {
  /** Running number behind the reference RPT-000001. */
  @Column({ type: 'int' })
  @Generated('increment')
  number: number;

  @Field(() => String, { description: 'The country the people leave (ISO 3166-1 alpha-2: KH, MY …).' })
  @Column({ type: 'char', length: 2 })
  fromCountry: string;

  @Field(() => String, {
    description: 'The route, e.g. "Poipet – Phnom Penh – Jakarta – Kupang" (no names of people).',
  })
  @Column({ type: 'varchar', length: 300 })
  route: string;

  @Field(() => ID, { description: 'The agency responsible on the departure side (usually the mission abroad).' })
  @Column({ type: 'uuid' })
  sendingAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sending_agency_id', foreignKeyConstraintName: 'FK_repatriation_operation_sending' })
  sendingAgency?: AgencyEntity;

  @Field(() => ID, { description: 'The agency responsible on arrival in Indonesia.' })
  @Column({ type: 'uuid' })
  receivingAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'receiving_agency_id', foreignKeyConstraintName: 'FK_repatriation_operation_receiving' })
  receivingAgency?: AgencyEntity;

  @Field(() => ID, {
    nullable: true,
    description: 'The foreign authority whose steps the plan includes (exit clearance, fines), when named.',
  })
  @Column({ type: 'uuid', nullable: true })
  counterpartAgencyId: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'counterpart_agency_id', foreignKeyConstraintName: 'FK_repatriation_operation_counterpart' })
  counterpartAgency?: AgencyEntity | null;

  @Field(() => OperationStatus, { description: 'Where the operation stands.' })
  @Column({ type: 'enum', enum: OperationStatus, enumName: 'repatriation_operation_status' })
  status: OperationStatus;

  @Field(() => String, { description: 'The day the operation began (YYYY-MM-DD): no milestone happened before it.' })
  @Column({ type: 'date' })
  startedOn: string;

  @Field(() => String, { description: 'Planned day of departure (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  plannedDepartureOn: string;

  @Field(() => String, { description: 'Planned day of arrival in Indonesia (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  plannedArrivalOn: string;

  @Field(() => String, { nullable: true, description: 'Where the group leaves from (an airport, a border crossing).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  departurePlace: string | null;

  @Field(() => String, { nullable: true, description: 'Where the group arrives (an airport, a border crossing).' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  arrivalPlace: string | null;

  @Field(() => String, { nullable: true, description: 'The flight or crossing, e.g. "QZ 263" or "Entikong PLBN".' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  flightOrCrossing: string | null;

  @Field(() => String, { nullable: true, description: 'The day the group really left (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  departedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The day the group really arrived (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  arrivedOn: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Who created the operation; empty for history loaded from the sources.',
  })
  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'For history loaded from the sources: how many people travelled, when the register does not hold them by name.',
  })
  @Column({ type: 'int', nullable: true })
  recordedHeadcount: number | null;

  @Field(() => String, { nullable: true, description: 'Where a historical record comes from (the sources cited).' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Field(() => Int, { description: 'Increases with every change; concurrent changes are refused with CONFLICT.' })
  @VersionColumn({ default: 1 })
  version: number;
}
