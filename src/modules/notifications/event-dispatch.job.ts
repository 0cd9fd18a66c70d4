import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { updateReturning } from '@app/database/update-returning';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { EmailQueue } from './email-queue';
import { DispatchedEvent, draftsOf, noticeOf } from './event-notices';
import { NotificationsService } from './notifications.service';
import { RecipientsService } from './recipients.service';

/**
 * Turns one committed domain event into notifications. The event row is marked processed in the same
 * transaction that creates them; rerunning the job finds it processed (or hits the dedupe keys) and adds nothing.
 */
@Injectable()
export class EventDispatchJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly recipients: RecipientsService,
    private readonly emails: EmailQueue,
  ) {}

  @JobHandler(JobName.DISPATCH_EVENT)
  async dispatch(job: Job): Promise<{ notified: number } | 'already processed' | 'no such event'> {
    const eventId = payloadUuid(JobName.DISPATCH_EVENT, job.data, 'eventId');
    const [event] = (await this.dataSource.query(
      `SELECT id, topic, payload, processed_at AS "processedAt", created_at AS "occurredAt"
       FROM outbox_event WHERE id = $1`,
      [eventId],
    )) as (DispatchedEvent & { processedAt: Date | null })[];
    if (!event) return 'no such event';
    if (event.processedAt) return 'already processed';
    const notice = await noticeOf(event, this.recipients);
    const emailIds = await this.dataSource.transaction(async (manager) => {
      const claimed = await updateReturning<{ id: string }>(
        manager,
        `UPDATE outbox_event SET processed_at = clock_timestamp() WHERE id = $1 AND processed_at IS NULL RETURNING id`,
        [eventId],
      );
      if (claimed.length === 0 || !notice) return [];
      return this.notifications.create(manager, draftsOf(event, notice));
    });
    await this.emails.enqueue(emailIds);
    return { notified: notice?.recipients.length ?? 0 };
  }
}
