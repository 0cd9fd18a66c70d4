import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { AgencyEntity } from '@app/modules/agencies/agency.entity';

import { TaskForceUnitEntity } from './task-force-unit.entity';
import { MembershipRole } from './task-force.enums';

@ObjectType('Membership', {
  description: 'An agency holding a role in a task-force unit for a period (valid from, and until if it ended).',
})
@Entity('membership')
@Index('UQ_membership_unit_agency_role_from', ['unitId', 'agencyId', 'role', 'validFrom'], { unique: true })
@Index('IDX_membership_agency', ['agencyId'])
@Check('CHK_membership_period', `"valid_to" IS NULL OR "valid_to" > "valid_from"`)
export class MembershipEntity extends BaseEntity {
  @Field(() => ID, { description: 'The task-force unit.' })
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => TaskForceUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_membership_unit' })
  unit?: TaskForceUnitEntity;

  @Field(() => ID, { description: 'The member agency.' })
  @Column({ type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_membership_agency' })
  agency?: AgencyEntity;

  @Field(() => MembershipRole, { description: 'Role held in the unit.' })
  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role: MembershipRole;

  @Field(() => String, { description: 'First day the role is held (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'First day the role is no longer held; empty while current.' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true, description: 'The legal basis or decision behind the role.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  basis: string | null;
}
