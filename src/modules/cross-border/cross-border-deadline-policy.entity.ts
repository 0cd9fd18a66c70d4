import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { RequestStage, RequestUrgency } from './cross-border.enums';

/**
 * How long a counterpart has for each stage, per urgency (DOMAIN.md section 4), counted from submission in the
 * counterpart's calendar: clock hours, working days or calendar days. Seeded with the project's defaults.
 */
@ObjectType('CrossBorderDeadlinePolicy', { description: 'Time allowed for one stage of a cross-border request.' })
@Entity('cross_border_deadline_policy')
@Index('UQ_cross_border_deadline_policy', ['urgency', 'stage'], { unique: true })
export class CrossBorderDeadlinePolicyEntity extends BaseEntity {
  @Field(() => String, { description: 'URGENT or NORMAL.' })
  @Column({ type: 'varchar', length: 20 })
  urgency: RequestUrgency;

  @Field(() => String, { description: 'ACKNOWLEDGE, DECIDE or EXECUTE.' })
  @Column({ type: 'varchar', length: 20 })
  stage: RequestStage;

  @Field(() => Int, { nullable: true, description: 'Clock hours from submission.' })
  @Column({ type: 'int', nullable: true })
  clockHours: number | null;

  @Field(() => Int, { nullable: true, description: "Working days from submission, in the counterpart's calendar." })
  @Column({ type: 'int', nullable: true })
  workingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Calendar days from submission.' })
  @Column({ type: 'int', nullable: true })
  calendarDays: number | null;
}
