import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { SweepStep } from '@app/queue/job-handler.decorator';
import { SweepRound } from '@app/queue/sweep-round';
import { JobQueues, JobRequest } from '@app/queue/job-queues';
import { JobIds, JobName } from '@app/queue/queue.names';

import { EmailBatch } from './notifications.service';

/**
 * Email jobs are added after the notification is committed: one per email, or one per batch for the emails of
 * fired rungs. If the worker dies in between, Redis loses the job,
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
   * One job per batch (NotificationsService.createInBatches), named by the batch, so adding it twice leaves one. An
   * armed rung's batch waits until its time (Redis then holds a job per batch of the arming window, never per rung).
   */
  async enqueueBatches(batches: EmailBatch[]): Promise<void> {
    if (batches.length === 0) return;
    const now = this.clock.now().getTime();
    await this.queues.addAll(
      batches.map((batch) => ({
        ...emailBatchJob(batch.batchId, batch.notificationIds),
        ...(batch.notBefore && batch.notBefore.getTime() > now ? { delayMs: batch.notBefore.getTime() - now } : {}),
      })),
    );
  }

  /**
   * Emails still to send: PENDING, or SENDING whose lease ran out (the worker died). Each gets a job that will run:
   * re-added if Redis lost it, revived if it used its attempts while the mail server or PostgreSQL was away.
   */
  @SweepStep('emails')
  async resubmitPending(round: SweepRound): Promise<void> {
    const rows: { id: string; email_batch_id: string | null }[] = await this.dataSource.query(
      `SELECT id, email_batch_id FROM notification
       WHERE email_status IN ('PENDING', 'SENDING') AND created_at <= $1
         AND (email_status = 'PENDING' OR email_lease_until < now())
       ORDER BY created_at LIMIT 5000`,
      [round.staleBefore(this.clock.now())],
    );
    // An email of a batch: its batch's job, re-added with the batch's emails still to send if Redis lost it.
    const batches = [...new Set(rows.map((row) => row.email_batch_id).filter((id): id is string => id !== null))];
    const members: { email_batch_id: string; ids: string[] }[] = batches.length
      ? await this.dataSource.query(
          `SELECT email_batch_id, array_agg(id ORDER BY id) AS ids FROM notification
           WHERE email_batch_id = ANY($1::uuid[]) AND email_status IN ('PENDING', 'SENDING')
           GROUP BY email_batch_id`,
          [batches],
        )
      : [];
    // A delayed job here is a retry waiting out its backoff (or a lease): leave it waiting.
    for (const { email_batch_id: batchId, ids } of members) {
      await round.ensure(emailBatchJob(batchId, ids), { promoteDelayed: false });
    }
    for (const row of rows.filter((candidate) => candidate.email_batch_id === null)) {
      await round.ensure(emailJob(row.id), { promoteDelayed: false });
    }
  }
}

/** The job that sends the emails of a batch of notifications. */
export const emailBatchJob = (batchId: string, notificationIds: string[]): JobRequest => ({
  name: JobName.SEND_EMAIL_BATCH,
  data: { notificationIds },
  jobId: JobIds.emailBatch(batchId),
});

/** The job that sends one notification's email. */
export const emailJob = (notificationId: string): JobRequest => ({
  name: JobName.SEND_EMAIL,
  data: { notificationId },
  jobId: JobIds.email(notificationId),
});
