import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { updateReturning } from '@app/database/update-returning';
import { JobRequest } from '@app/queue/job-queues';

import { emailJob } from '../email-queue';
import { NotificationKind } from '../notification.enums';
import {
  afterCursor,
  DeliveryChannel,
  DeliverySource,
  FailedDeliveryRow,
  FailedPage,
  FailedScope,
  failedKeySql,
} from './delivery-source';

/** Escalation emails to people of agencies in a unit whose secretariat is agency $n (the secretariat's view). */
const SECRETARIAT_SCOPE = (param: number) => `n.kind = 'ESCALATION' AND EXISTS (
  SELECT 1 FROM app_user r
  JOIN membership member ON member.agency_id = r.agency_id
    AND member.valid_from <= CURRENT_DATE AND (member.valid_to IS NULL OR member.valid_to > CURRENT_DATE)
  JOIN membership secretariat ON secretariat.unit_id = member.unit_id AND secretariat.role = 'SECRETARIAT'
    AND secretariat.agency_id = $${param}
    AND secretariat.valid_from <= CURRENT_DATE AND (secretariat.valid_to IS NULL OR secretariat.valid_to > CURRENT_DATE)
  WHERE r.id = n.recipient_user_id)`;

/** Notification emails that ended FAILED. */
@Injectable()
export class EmailDeliverySource implements DeliverySource {
  readonly channel = DeliveryChannel.EMAIL;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(page: FailedPage): Promise<FailedDeliveryRow[]> {
    const { where, params } = this.filter(page);
    if (page.after) {
      params.push(page.after.failedKey, page.after.id);
      where.push(afterCursor('n.email_failed_at', 'n.id', params.length - 1));
    }
    params.push(page.limit);
    const rows: {
      id: string;
      recipient_user_id: string;
      acronym: string | null;
      kind: NotificationKind;
      reference: string;
      critical: boolean;
      email_attempts: number;
      email_last_error: string | null;
      email_queued_at: Date;
      email_failed_at: Date;
      failed_key: string;
    }[] = await this.dataSource.query(
      `SELECT n.id, n.recipient_user_id, a.acronym, n.kind, n.reference, n.critical, n.email_attempts,
         n.email_last_error, n.email_queued_at, n.email_failed_at, ${failedKeySql('n.email_failed_at')} AS failed_key
       FROM notification n JOIN app_user u ON u.id = n.recipient_user_id LEFT JOIN agency a ON a.id = u.agency_id
       WHERE ${where.join(' AND ')}
       ORDER BY n.email_failed_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      channel: this.channel,
      recipientUserId: row.recipient_user_id,
      recipientAgency: row.acronym,
      kind: row.kind,
      reference: row.reference,
      isoWeek: null,
      critical: row.critical,
      attempts: row.email_attempts,
      lastError: row.email_last_error,
      queuedAt: row.email_queued_at,
      failedAt: row.email_failed_at,
      failedKey: row.failed_key,
    }));
  }

  async count(scope: FailedScope): Promise<number> {
    const { where, params } = this.filter(scope);
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notification n WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.count;
  }

  async reopen(manager: EntityManager, ids: string[] | 'all'): Promise<string[]> {
    // Sent again one by one: an email of a batch leaves its batch (whose job may be long gone).
    const rows: { id: string }[] = await updateReturning(
      manager,
      `UPDATE notification SET email_status = 'PENDING', email_queued_at = now(), email_failed_at = NULL,
         email_batch_id = NULL, updated_at = now()
       WHERE email_status = 'FAILED' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) RETURNING id`,
      [ids === 'all' ? null : ids],
    );
    return rows.map((row) => row.id);
  }

  job(id: string): JobRequest {
    return emailJob(id);
  }

  private filter(scope: FailedScope): { where: string[]; params: unknown[] } {
    const where = [`n.email_status = 'FAILED'`];
    const params: unknown[] = [];
    if (scope.criticalOnly) where.push('n.critical');
    if (scope.secretariatOf) {
      params.push(scope.secretariatOf);
      where.push(SECRETARIAT_SCOPE(params.length));
    }
    return { where, params };
  }
}
