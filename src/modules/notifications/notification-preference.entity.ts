import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { UserEntity } from '@app/modules/users/user.entity';

/** A user's choice for one kind and channel; no row means "on". Critical kinds ignore it. */
@Entity('notification_preference')
@Index('UQ_notification_preference', ['userId', 'kind', 'channel'], { unique: true })
export class NotificationPreferenceEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_notification_preference_user' })
  user?: UserEntity;

  /** A NotificationKind (varchar: the enum type belongs to the notification table). */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** IN_APP or EMAIL. */
  @Column({ type: 'varchar', length: 10 })
  channel: string;

  @Column({ type: 'boolean' })
  enabled: boolean;
}
