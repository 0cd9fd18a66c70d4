import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { BaseEntity } from '@app/kernel/base.entity';
import { UserEntity } from '@app/modules/users/user.entity';

import { DeliveryStatus, NotificationKind } from './notification.enums';

/** Template parameters: codes, agency names, instants. Never personal data or free text. */
export type NotificationParams = Record<string, string>;

/**
 * One message to one person, in the app and (unless muted) by email. `dedupeKey` is unique: the event or rung
 * that caused it plus the recipient, so a job that runs twice creates nothing twice.
 */
@ObjectType('Notification', {
  description: 'A message to you about work in Simpul (reference codes, never identities).',
})
@Entity('notification')
@Index('UQ_notification_dedupe_key', ['dedupeKey'], { unique: true })
@Index('IDX_notification_recipient_created', ['recipientUserId', 'createdAt'])
@Index('IDX_notification_armed', ['subjectId'], { where: `"visible_at" IS NOT NULL` })
@Index('IDX_notification_email_due', ['createdAt'], { where: `"email_status" IN ('PENDING', 'SENDING')` })
@Index('IDX_notification_email_batch', ['emailBatchId'], {
  where: `"email_status" IN ('PENDING', 'SENDING') AND "email_batch_id" IS NOT NULL`,
})
@Index('IDX_notification_email_failed', ['emailFailedAt', 'id'], { where: `"email_status" = 'FAILED'` })
export class NotificationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  recipientUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id', foreignKeyConstraintName: 'FK_notification_recipient' })
  recipient?: UserEntity;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Field(() => Boolean, { description: 'Critical notifications (escalations that reach you) cannot be muted.' })
  @Column({ type: 'boolean', default: false })
  critical: boolean;

  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Field(() => String, { description: 'The kind of record it is about, e.g. Task.' })
  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Field(() => ID, { description: 'The record it is about.' })
  @Column({ type: 'uuid' })
  subjectId: string;

  @Field(() => String, { description: 'Reference code of the record, e.g. TSK-000042.' })
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Column({ type: 'jsonb', default: {} })
  params: NotificationParams;

  /** False when the recipient muted this kind in the app but still wants the email. */
  @Column({ type: 'boolean', default: true })
  inApp: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When you read it; empty while unread.' })
  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Field(() => DeliveryStatus, {
    name: 'deliveryStatus',
    description:
      'Where the email stands: PENDING (waiting or between attempts), SENDING (with the mail server now), SENT, FAILED (waits for an administrator), NOT_REQUESTED (email off).',
  })
  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'notification_delivery_status' })
  emailStatus: DeliveryStatus;

  @Field(() => Int, { description: 'Email attempts so far.' })
  @Column({ type: 'int', default: 0 })
  emailAttempts: number;

  @Field(() => String, { nullable: true, description: 'Why the last email attempt failed, if it did.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  emailLastError: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the email was accepted by the mail server.' })
  @Column({ type: 'timestamptz', nullable: true })
  emailSentAt: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  emailMessageId: string | null;

  /** While SENDING: until when the worker that claimed the email may hand it to the server; then others may. */
  @Column({ type: 'timestamptz', nullable: true })
  emailLeaseUntil: Date | null;

  /** When this round of delivery began (creation, or an administrator's retry): retries stop a retry span later. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  emailQueuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  emailFailedAt: Date | null;

  /**
   * An armed rung's notification is written ahead of its time and shown (and its email sent) from this instant, its
   * rung's fire time; null for everything else, shown at once.
   */
  @Column({ type: 'timestamptz', nullable: true })
  visibleAt: Date | null;

  /**
   * The batch job its email went out in (`email-batch.<emailBatchId>`, emails of fired rungs): the sweep makes sure
   * that job will run rather than queue the email on its own. Null for emails queued one by one.
   */
  @Column({ type: 'uuid', nullable: true })
  emailBatchId: string | null;
}
