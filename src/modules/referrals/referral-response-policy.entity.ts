import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { ReferralUrgency } from './referral.enums';

/**
 * How long a provider has to answer a referral of each urgency (DOMAIN.md section 4): clock hours or working
 * days in the provider's calendar. Data, not constants: seeded with the project's defaults, editable.
 */
@ObjectType('ReferralResponsePolicy', { description: 'How long a provider has to answer, per urgency.' })
@Entity('referral_response_policy')
@Index('UQ_referral_response_policy_urgency', ['urgency'], { unique: true })
export class ReferralResponsePolicyEntity extends BaseEntity {
  @Field(() => String, { description: 'EMERGENCY, HIGH or NORMAL.' })
  @Column({ type: 'varchar', length: 20 })
  urgency: ReferralUrgency;

  @Field(() => Int, { nullable: true, description: 'Clock hours to answer (e.g. 24 for EMERGENCY).' })
  @Column({ type: 'int', nullable: true })
  clockHours: number | null;

  @Field(() => Int, { nullable: true, description: "Working days to answer, in the provider's calendar." })
  @Column({ type: 'int', nullable: true })
  workingDays: number | null;
}
