import { registerEnumType } from '@nestjs/graphql';

/** What a notification is about. Each kind has a template in libs/mailer in both languages. */
export enum NotificationKind {
  TASK_ASSIGNED = 'TASK_ASSIGNED',
  TASK_DECLINED = 'TASK_DECLINED',
  TASK_COMPLETED = 'TASK_COMPLETED',
  TASK_COMMENTED = 'TASK_COMMENTED',
  TASK_REOPENED = 'TASK_REOPENED',
  /** A task your agency assigned is past its due date and still open (the assignee's side is escalated). */
  TASK_OVERDUE = 'TASK_OVERDUE',
  /** Your agency joined a case team, left it, or took over its lead. */
  CASE_TEAM_CHANGED = 'CASE_TEAM_CHANGED',
  /** A victim was referred to your agency for a service: accept or decline by the respond-by instant. */
  REFERRAL_PROPOSED = 'REFERRAL_PROPOSED',
  REFERRAL_ACCEPTED = 'REFERRAL_ACCEPTED',
  /** The provider declined; the reason stays in Simpul (free text never leaves it). */
  REFERRAL_DECLINED = 'REFERRAL_DECLINED',
  /** Nobody answered by the respond-by instant; the referring agency can route it elsewhere. */
  REFERRAL_EXPIRED = 'REFERRAL_EXPIRED',
  REFERRAL_WITHDRAWN = 'REFERRAL_WITHDRAWN',
  REFERRAL_COMPLETED = 'REFERRAL_COMPLETED',
  /** The provider stopped the service before it was complete. */
  REFERRAL_DISCONTINUED = 'REFERRAL_DISCONTINUED',
  /** A cross-border request reached the counterpart agency: acknowledge it by the acknowledge-by instant. */
  CROSS_BORDER_SUBMITTED = 'CROSS_BORDER_SUBMITTED',
  /** The counterpart acknowledged a request; its decision is due by the decide-by instant. */
  CROSS_BORDER_ACKNOWLEDGED = 'CROSS_BORDER_ACKNOWLEDGED',
  /** The counterpart answered a request, in full or in part (the message says which). */
  CROSS_BORDER_ANSWERED = 'CROSS_BORDER_ANSWERED',
  /** The counterpart refused a request; the grounds stay in Simpul (free text never leaves it). */
  CROSS_BORDER_REFUSED = 'CROSS_BORDER_REFUSED',
  /** A stage (acknowledge, decide, execute) of a request passed its deadline undone. */
  CROSS_BORDER_STAGE_OVERDUE = 'CROSS_BORDER_STAGE_OVERDUE',
  /** An informal request lapsed and Simpul proposes the formal channel (mutual legal assistance). */
  CROSS_BORDER_FORMAL_CHANNEL_PROPOSED = 'CROSS_BORDER_FORMAL_CHANNEL_PROPOSED',
  /** Any other change to a request: accepted, withdrawn, closed, lapsed, or a deadline extended. */
  CROSS_BORDER_UPDATED = 'CROSS_BORDER_UPDATED',
  /** A repatriation operation was planned with steps your agency owes. */
  REPATRIATION_PLANNED = 'REPATRIATION_PLANNED',
  /** A step of an operation your agency is part of was recorded, or the group left or arrived. */
  REPATRIATION_UPDATED = 'REPATRIATION_UPDATED',
  /** A person came home and your agency is responsible for their reintegration plan. */
  REINTEGRATION_PLAN_ASSIGNED = 'REINTEGRATION_PLAN_ASSIGNED',
  /** A rung before a deadline (of a task, a referral or a cross-border request). */
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  /** A rung at or after the deadline that reached you: critical, cannot be muted. */
  ESCALATION = 'ESCALATION',
  /** An export you asked for is ready to download (until it expires). */
  EXPORT_READY = 'EXPORT_READY',
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
  /** A worker holds it (a lease) and is talking to the mail server. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /**
   * Refused for good by the mail server, or still failing DELIVERY_RETRY_SPAN_MS after it was queued: waits for an
   * administrator (failedDeliveries, retryFailedDeliveries, or retry in Bull Board).
   */
  FAILED = 'FAILED',
  /** The recipient turned email off for this kind. */
  NOT_REQUESTED = 'NOT_REQUESTED',
}

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about.' });
registerEnumType(NotificationChannel, { name: 'NotificationChannel', description: 'In the app or by email.' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'Where the email of a notification stands.' });
