import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { PlanStatus } from './repatriation.enums';

/**
 * A person's plan after return: the home region's agency responsible for it, the needs assessed (rows of
 * reintegration_need) and the follow-up contacts (work items). Made when the person arrives; one per person and
 * return. The protection-track outcome the follow-ups led to is kept here with its day.
 */
@ObjectType('ReintegrationPlan', {
  description: "A person's plan after return: needs, who answers each, and the follow-up contacts (codes only).",
})
@Entity('reintegration_plan')
@Index('UQ_reintegration_plan_person_operation', ['victimId', 'operationId'], { unique: true })
@Index('IDX_reintegration_plan_responsible', ['responsibleAgencyId', 'status'])
export class ReintegrationPlanEntity extends BaseEntity {
  @Field(() => ID, { description: 'The person (open it as victim when you may see it).' })
  @Column({ type: 'uuid' })
  victimId: string;

  @Field(() => String, { description: 'The pseudonymous code.' })
  @Column({ type: 'varchar', length: 20 })
  victimCode: string;

  @Field(() => ID, { nullable: true, description: "The person's case." })
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Field(() => ID, { description: 'The operation that brought the person home.' })
  @Column({ type: 'uuid' })
  operationId: string;

  @Field(() => ID, { description: "The agency of the person's home region responsible for the plan." })
  @Column({ type: 'uuid' })
  responsibleAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_agency_id', foreignKeyConstraintName: 'FK_reintegration_plan_responsible' })
  responsibleAgency?: AgencyEntity;

  @Field(() => ID, { nullable: true, description: 'The task-force unit of the home region that took the handover.' })
  @Column({ type: 'uuid', nullable: true })
  homeUnitId: string | null;

  @Field(() => ID, { nullable: true, description: 'The task asking the home region to accept the handover.' })
  @Column({ type: 'uuid', nullable: true })
  handoverTaskId: string | null;

  @Field(() => String, { description: 'The day the person arrived home (follow-ups count from it).' })
  @Column({ type: 'date' })
  returnedOn: string;

  @Field(() => PlanStatus, { description: 'ACTIVE until the track ends.' })
  @Column({ type: 'enum', enum: PlanStatus, enumName: 'reintegration_plan_status', default: PlanStatus.ACTIVE })
  status: PlanStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Where the follow-ups led: REINTEGRATED, LOST_TO_FOLLOW_UP, RE_MIGRATED or DECLINED_ASSISTANCE.',
  })
  @Column({ type: 'varchar', length: 30, nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true, description: 'The day of that outcome.' })
  @Column({ type: 'date', nullable: true })
  outcomeOn: string | null;

  @Field(() => Int, { description: 'Follow-up contacts in a row that did not reach the person.' })
  @Column({ type: 'int', default: 0 })
  unreachableInRow: number;

  @Field(() => Int, { description: 'The number of unreachable contacts in a row that counts as lost (from policy).' })
  @Column({ type: 'int' })
  lostAfterUnreachable: number;

  @Field(() => Int, { description: 'Increases with every change.' })
  @VersionColumn({ default: 1 })
  version: number;
}
