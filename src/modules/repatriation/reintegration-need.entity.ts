import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { NeedStatus, ReintegrationNeed } from './repatriation.enums';
import { ReintegrationPlanEntity } from './reintegration-plan.entity';

/** One need of a plan, the agency or provider answering it, and the referral made for it. */
@ObjectType('ReintegrationPlanNeed', { description: 'A need assessed after return and who answers it.' })
@Entity('reintegration_need')
@Index('UQ_reintegration_need_plan_need', ['planId', 'need'], { unique: true })
export class ReintegrationNeedEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  planId: string;

  @ManyToOne(() => ReintegrationPlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'FK_reintegration_need_plan' })
  plan?: ReintegrationPlanEntity;

  @Field(() => ReintegrationNeed, { description: 'The need.' })
  @Column({ type: 'enum', enum: ReintegrationNeed, enumName: 'reintegration_need_type' })
  need: ReintegrationNeed;

  @Field(() => ID, { description: 'The agency or provider answering it.' })
  @Column({ type: 'uuid' })
  responsibleAgencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'responsible_agency_id', foreignKeyConstraintName: 'FK_reintegration_need_agency' })
  responsibleAgency?: AgencyEntity;

  @Field(() => ID, { nullable: true, description: 'The referral made for it, if any.' })
  @Column({ type: 'uuid', nullable: true })
  referralId: string | null;

  @Field(() => NeedStatus, { description: 'OPEN, MET or DROPPED.' })
  @Column({ type: 'enum', enum: NeedStatus, enumName: 'reintegration_need_status', default: NeedStatus.OPEN })
  status: NeedStatus;
}
