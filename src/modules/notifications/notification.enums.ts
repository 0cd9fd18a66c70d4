import { registerEnumType } from '@nestjs/graphql';

/** What a notification is about. Each kind has a template in libs/mailer in both languages. */
export enum NotificationKind {
  TASK_ASSIGNED = 'TASK_ASSIGNED',
  TASK_DECLINED = 'TASK_DECLINED',
  TASK_COMPLETED = 'TASK_COMPLETED',
  TASK_COMMENTED = 'TASK_COMMENTED',
  TASK_REOPENED = 'TASK_REOPENED',
  /** A rung before the deadline. */
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  /** A rung at or after the deadline that reached you: critical, cannot be muted. */
  ESCALATION = 'ESCALATION',
}

/** Kinds nobody can mute, on any channel. */
export const CRITICAL_KINDS: readonly NotificationKind[] = [NotificationKind.ESCALATION];

export enum NotificationChannel {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
}

/** Where the email of a notification stands. */
export enum DeliveryStatus {
  /** Waiting for (or between) attempts. */
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Every attempt failed; the job stays in the failed list of Bull Board. */
  FAILED = 'FAILED',
  /** The recipient turned email off for this kind. */
  NOT_REQUESTED = 'NOT_REQUESTED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about.' });
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'In the app or by email.' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'Where the email of a notification stands.' });
