import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { MilestoneAnchor, MilestoneOwnerSide, MilestoneType } from './repatriation.enums';

/**
 * One line of the milestone plan every new operation starts from (policy data, seeded; administrators may add lines
 * for a country): which step, whose it is, for each person or the group, whether it blocks departure, and when it
 * is due (days before or after the planned departure or arrival, in the owner's calendar).
 */
@ObjectType('RepatriationMilestonePolicy', { description: 'One line of the default milestone plan.' })
@Entity('repatriation_milestone_policy')
@Index('UQ_repatriation_milestone_policy', ['country', 'type'], { unique: true })
export class MilestonePolicyEntity extends BaseEntity {
  @Field(() => String, { description: "The departure country the line applies to, or '*' for every country." })
  @Column({ type: 'varchar', length: 2 })
  country: string;

  @Field(() => MilestoneType, { description: 'The step.' })
  @Column({ type: 'enum', enum: MilestoneType, enumName: 'repatriation_milestone_type' })
  type: MilestoneType;

  @Field(() => MilestoneOwnerSide, { description: 'Whose step it is.' })
  @Column({ type: 'enum', enum: MilestoneOwnerSide, enumName: 'repatriation_milestone_owner_side' })
  ownerSide: MilestoneOwnerSide;

  @Field(() => Boolean, { description: 'One per person (else one for the group).' })
  @Column({ type: 'boolean' })
  perPerson: boolean;

  @Field(() => Boolean, { description: 'Whether it must be done before the group may leave.' })
  @Column({ type: 'boolean' })
  blocksDeparture: boolean;

  @Field(() => MilestoneAnchor, { description: 'What the deadline counts from.' })
  @Column({ type: 'enum', enum: MilestoneAnchor, enumName: 'repatriation_milestone_anchor' })
  anchor: MilestoneAnchor;

  @Field(() => Int, { description: 'Days from the anchor day (negative: before it).' })
  @Column({ type: 'int' })
  offsetDays: number;

  @Field(() => Int, { description: 'The order the plan lists the steps in.' })
  @Column({ type: 'int' })
  sequence: number;
}
