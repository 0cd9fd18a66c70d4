import { registerEnumType } from '@nestjs/graphql';
import { EntityManager } from 'typeorm';

import { JobRequest } from '@app/queue/job-queues';

import { NotificationKind } from '../notification.enums';

/** What kind of message a delivery is. */
export enum DeliveryChannel {
  /** The email of a notification. */
  EMAIL = 'EMAIL',
  /** A weekly coordination digest. */
  DIGEST = 'DIGEST',
}

registerEnumType(DeliveryChannel, {
  name: 'DeliveryChannel',
  description: 'EMAIL (the email of a notification) or DIGEST (a weekly digest).',
});

/** One FAILED delivery, as administrators see it: ids, codes and the server's answer, never what users typed. */
export interface FailedDeliveryRow {
  id: string;
  channel: DeliveryChannel;
  recipientUserId: string;
  recipientAgency: string | null;
  kind: NotificationKind | null;
  reference: string | null;
  isoWeek: string | null;
  critical: boolean;
  attempts: number;
  lastError: string | null;
  queuedAt: Date;
  failedAt: Date;
  /** The failure instant in microseconds since the epoch (as text): the exact sort key, for cursors. */
  failedKey: string;
}

/** Which failed deliveries a reader may see. */
export interface FailedScope {
  /**
   * Null for administrators (every one). For a secretariat, its agency: only escalation emails (the critical ones)
   * to people of agencies in the task-force units it is the secretariat of.
   */
  secretariatOf: string | null;
  criticalOnly: boolean;
}

export interface FailedPage extends FailedScope {
  /** Newest failure first; strictly after this (failedKey, id) when given. */
  after?: { failedKey: string; id: string };
  limit: number;
}

/**
 * A kind of delivery that can end FAILED (notification emails here; the digests module adds its runs): how to list
 * them, and how to send them round again. Registered with `FailedDeliveries` at boot.
 */
export interface DeliverySource {
  readonly channel: DeliveryChannel;
  list(page: FailedPage): Promise<FailedDeliveryRow[]>;
  count(scope: FailedScope): Promise<number>;
  /**
   * FAILED -> PENDING with a fresh retry span, in the caller's transaction; `ids` limits it to those (ids of other
   * channels are ignored). Returns the ids reopened.
   */
  reopen(manager: EntityManager, ids: string[] | 'all'): Promise<string[]>;
  /** The job that sends one delivery. */
  job(id: string): JobRequest;
}

/** SQL keyset condition "strictly after the cursor, newest first" on a failure column and id. */
export const afterCursor = (column: string, idColumn: string, first: number): string =>
  `(${column}, ${idColumn}) < ('epoch'::timestamptz + $${first}::bigint * interval '1 microsecond', $${first + 1}::uuid)`;

/** The exact sort key of a failure column, as text. */
export const failedKeySql = (column: string): string => `(EXTRACT(EPOCH FROM ${column}) * 1000000)::bigint::text`;
