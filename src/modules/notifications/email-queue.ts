import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { SweepStep } from '@app/queue/job-handler.decorator';
import { JobQueues, JobRequest } from '@app/queue/job-queues';
import { JobIds, JobName } from '@app/queue/queue.names';

/**
 * Email jobs are added after the notification is committed. If the worker dies in between, or Redis loses
 * the job, the sweep finds the notification still PENDING and adds the job again (same id, so never twice).
 */
@Injectable()
export class EmailQueue {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly clock: Clock,
  ) {}

  async enqueue(notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    await this.queues.addAll(
      notificationIds.map((id) => ({
        name: JobName.SEND_EMAIL,
        data: { notificationId: id },
        jobId: JobIds.email(id),
      })),
    );
  }

  @SweepStep('emails')
  async resubmitPending(): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification WHERE email_status = 'PENDING' AND created_at <= $1 ORDER BY created_at LIMIT 1000`,
      [new Date(this.clock.now().getTime() - 30_000)],
    );
    let added = 0;
    for (const row of rows) {
      const request: JobRequest = {
        name: JobName.SEND_EMAIL,
        data: { notificationId: row.id },
        jobId: JobIds.email(row.id),
      };
      // A delayed job here is a retry waiting out its backoff: leave it waiting.
      if ((await this.queues.ensureDue(request, { promoteDelayed: false })) === 'added') added += 1;
    }
    return added;
  }
}
