import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { RungAction, RungDefinition, RungTarget } from './escalation.types';

@ObjectType('EscalationRungDefinition', {
  description: 'One rung of a policy: when, relative to the deadline, and whom.',
})
export class EscalationRungDefinition {
  @Field(() => String, { description: 'Stable key of the rung, e.g. reminder-48h, supervisor.' })
  key: string;

  @Field(() => Int, { nullable: true, description: 'Clock hours from the deadline (negative: before it).' })
  offsetHours: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days after the deadline, in the responsible calendar.' })
  offsetWorkingDays: number | null;

  @Field(() => [RungTarget], { description: 'Who the rung reaches.' })
  targets: RungTarget[];

  @Field(() => RungAction, { nullable: true, description: 'What the rung does besides notifying.' })
  action: RungAction | null;
}

/**
 * An escalation ladder as data, per item type and urgency ('ANY' for the default of an item type). Items
 * freeze a copy when their ladder starts, so editing a policy changes future items only.
 */
@ObjectType('EscalationPolicy', { description: 'An escalation ladder for one item type and urgency.' })
@Entity('escalation_policy')
@Index('UQ_escalation_policy_name', ['name'], { unique: true })
@Index('UQ_escalation_policy_item_urgency', ['itemType', 'urgency'], { unique: true, where: '"active"' })
export class EscalationPolicyEntity extends BaseEntity {
  @Field(() => String, { description: 'Name of the policy, e.g. task-default-2026.' })
  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Field(() => String, { description: 'TASK, REFERRAL or CROSS_BORDER_REQUEST.' })
  @Column({ type: 'varchar', length: 40 })
  itemType: string;

  @Field(() => String, { description: 'The urgency it applies to, or ANY for the default of the item type.' })
  @Column({ type: 'varchar', length: 20, default: 'ANY' })
  urgency: string;

  @Column({ type: 'jsonb' })
  rungs: RungDefinition[];

  @Field(() => Boolean, { description: 'Only active policies start new ladders.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
