import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import { TaskForceUnitEntity } from '@app/modules/task-forces/task-force-unit.entity';
import { UserEntity } from '@app/modules/users/user.entity';

/** A person who opted out of the weekly digest (no row: subscribed). */
@Entity('digest_opt_out')
export class DigestOptOutEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_digest_opt_out' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_digest_opt_out_user' })
  user?: UserEntity;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A task-force unit whose digests an administrator switched off (no row: on). */
@Entity('digest_unit_off')
export class DigestUnitOffEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_digest_unit_off' })
  unitId: string;

  @ManyToOne(() => TaskForceUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'FK_digest_unit_off_unit' })
  unit?: TaskForceUnitEntity;

  @Column({ type: 'uuid' })
  switchedOffByUserId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
