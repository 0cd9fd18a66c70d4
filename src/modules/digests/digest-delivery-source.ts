import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import {
  afterCursor,
  DeliveryChannel,
  DeliverySource,
  FailedDeliveryRow,
  FailedPage,
  FailedScope,
  failedKeySql,
} from '@app/modules/notifications/deliveries/delivery-source';
import { updateReturning } from '@app/database/update-returning';
import { JobRequest } from '@app/queue/job-queues';
import { JobIds, JobName } from '@app/queue/queue.names';

/** Weekly digest runs that ended FAILED, for the administrators' list of failed deliveries. */
@Injectable()
export class DigestDeliverySource implements DeliverySource {
  readonly channel = DeliveryChannel.DIGEST;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(page: FailedPage): Promise<FailedDeliveryRow[]> {
    // Digests are never escalations: a secretariat's view or a critical-only list holds none.
    if (page.secretariatOf || page.criticalOnly) return [];
    const params: unknown[] = [];
    const where = [`r.status = 'FAILED'`];
    if (page.after) {
      params.push(page.after.failedKey, page.after.id);
      where.push(afterCursor('r.failed_at', 'r.id', 1));
    }
    params.push(page.limit);
    const rows: {
      id: string;
      user_id: string;
      acronym: string | null;
      iso_week: string;
      attempts: number;
      note: string | null;
      queued_at: Date;
      failed_at: Date;
      failed_key: string;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.user_id, a.acronym, r.iso_week, r.attempts, r.note, r.queued_at, r.failed_at,
         ${failedKeySql('r.failed_at')} AS failed_key
       FROM digest_run r JOIN app_user u ON u.id = r.user_id LEFT JOIN agency a ON a.id = u.agency_id
       WHERE ${where.join(' AND ')}
       ORDER BY r.failed_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      channel: this.channel,
      recipientUserId: row.user_id,
      recipientAgency: row.acronym,
      kind: null,
      reference: null,
      isoWeek: row.iso_week,
      critical: false,
      attempts: row.attempts,
      lastError: row.note,
      queuedAt: row.queued_at,
      failedAt: row.failed_at,
      failedKey: row.failed_key,
    }));
  }

  async count(scope: FailedScope): Promise<number> {
    if (scope.secretariatOf || scope.criticalOnly) return 0;
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM digest_run WHERE status = 'FAILED'`,
    );
    return row.count;
  }

  async reopen(manager: EntityManager, ids: string[] | 'all'): Promise<string[]> {
    const rows: { id: string }[] = await updateReturning(
      manager,
      `UPDATE digest_run SET status = 'PENDING', queued_at = now(), failed_at = NULL, updated_at = now()
       WHERE status = 'FAILED' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) RETURNING id`,
      [ids === 'all' ? null : ids],
    );
    return rows.map((row) => row.id);
  }

  job(id: string): JobRequest {
    return { name: JobName.SEND_DIGEST, data: { digestRunId: id }, jobId: JobIds.digest(id) };
  }
}
