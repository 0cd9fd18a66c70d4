import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

/**
 * When follow-up contacts are scheduled after return, and how many unreachable contacts in a row count as lost to
 * follow-up (policy data, seeded; the plan copies the numbers when it is made).
 */
@ObjectType('FollowUpPolicy', { description: 'The follow-up schedule after return and the loss rule.' })
@Entity('follow_up_policy')
@Index('UQ_follow_up_policy_name', ['name'], { unique: true })
export class FollowUpPolicyEntity extends BaseEntity {
  @Field(() => String, { description: 'The policy name.' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => [Int], { description: 'Months after return of each contact (1, 3, 6, 12 by default).' })
  @Column({ type: 'int', array: true })
  monthsAfterReturn: number[];

  @Field(() => Int, { description: 'Unreachable contacts in a row after which the person is LOST_TO_FOLLOW_UP.' })
  @Column({ type: 'int' })
  lostAfterUnreachable: number;

  @Field(() => Boolean, { description: 'The policy new plans use.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
