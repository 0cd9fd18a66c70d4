import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { SweepStep } from '@app/queue/job-handler.decorator';
import { SweepRound } from '@app/queue/sweep-round';
import { JobQueues, JobRequest } from '@app/queue/job-queues';
import { JobIds, JobName } from '@app/queue/queue.names';

/**
 * Email jobs are added after the notification is committed. If the worker dies in between, Redis loses the job,
 * or the job uses its attempts during an outage, the sweep finds the notification still PENDING and makes sure
 * its job runs (same id, so never twice).
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
    await this.queues.addAll(notificationIds.map(emailJob));
  }

  /**
   * Emails still to send: PENDING, or SENDING whose lease ran out (the worker died). Each gets a job that will run:
   * re-added if Redis lost it, revived if it used its attempts while the mail server or PostgreSQL was away.
   */
  @SweepStep('emails')
  async resubmitPending(round: SweepRound): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification
       WHERE email_status IN ('PENDING', 'SENDING') AND created_at <= $1
         AND (email_status = 'PENDING' OR email_lease_until < now())
       ORDER BY created_at LIMIT 5000`,
      [round.staleBefore(this.clock.now())],
    );
    // A delayed job here is a retry waiting out its backoff (or a lease): leave it waiting.
    for (const row of rows) await round.ensure(emailJob(row.id), { promoteDelayed: false });
  }
}

/** The job that sends one notification's email. */
export const emailJob = (notificationId: string): JobRequest => ({
  name: JobName.SEND_EMAIL,
  data: { notificationId },
  jobId: JobIds.email(notificationId),
});
