import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';

import { TaskForceLevel } from './task-force.enums';

@ObjectType('TaskForceUnit', {
  description: 'A GTPP-TPPO unit at national, provincial or regency/city level, with its parent unit.',
})
@Entity('task_force_unit')
@Index('UQ_task_force_unit_code', ['code'], { unique: true })
@Index('IDX_task_force_unit_parent', ['parentUnitId'])
@Check('CHK_task_force_unit_national_has_no_parent', `("level" = 'NATIONAL') = ("parent_unit_id" IS NULL)`)
export class TaskForceUnitEntity extends BaseEntity {
  @Field(() => String, { description: 'Short stable code, e.g. GTPP-NAS or GTPP-NTT.' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => String, { description: 'Name in Bahasa Indonesia.' })
  @Column({ type: 'varchar', length: 300 })
  nameId: string;

  @Field(() => String, { description: 'Name in English.' })
  @Column({ type: 'varchar', length: 300 })
  nameEn: string;

  @Field(() => TaskForceLevel, { description: 'National, provincial or regency/city.' })
  @Column({ type: 'enum', enum: TaskForceLevel, enumName: 'task_force_level' })
  level: TaskForceLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Official region code (Kemendagri), e.g. 53 for Nusa Tenggara Timur.',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Field(() => ID, { nullable: true, description: 'The unit above this one; empty for the national unit.' })
  @Column({ type: 'uuid', nullable: true })
  parentUnitId: string | null;

  @ManyToOne(() => TaskForceUnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_unit_id', foreignKeyConstraintName: 'FK_task_force_unit_parent' })
  parentUnit?: TaskForceUnitEntity | null;

  @Field(() => String, {
    description: 'IANA time zone of the unit (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura).',
  })
  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Field(() => Boolean, { description: 'Inactive units keep their history but take no new work.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion to edit safely.' })
  @VersionColumn({ default: 1 })
  version: number;
}
