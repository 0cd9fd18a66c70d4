import { performance } from 'node:perf_hooks';

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { AcceptedDeliveries } from '@app/queue/accepted-deliveries';
import { DeliveryGiveWay } from '@app/queue/delivery-give-way';
import { TransientDeliveryError } from '@app/queue/job-failures';
import { updateReturning } from '@app/database/update-returning';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { DeliveryStatus } from './notification.enums';
import { EmailSender } from './email-sender';

/**
 * Sends the email of one notification, at most once except in one window (README, "Reliability"):
 *
 * 1. claim: PENDING (or SENDING whose lease ran out) becomes SENDING with a lease of DELIVERY_LEASE_MS, committed
 *    on its own, before the mail server is spoken to; a live lease held by another worker sends this job to wait
 *    until it ends;
 * 2. send: the message is handed to the server (its final ".") only while the lease holds;
 * 3. record: SENT in its own short statement as soon as the server accepts; if PostgreSQL cannot take it, Redis
 *    keeps the acceptance and the next attempt records it without sending again.
 *
 * A failure is recorded with the attempt: a permanent one (the server refused the recipient or the message, a
 * template that cannot render) is FAILED at once; a transient one (server or database away) returns the email to
 * PENDING for the job's next attempt, until DELIVERY_RETRY_SPAN_MS after it was queued, when it is FAILED. FAILED
 * waits for an administrator: retryFailedDeliveries, or "retry" on the failed job in Bull Board, sends it again.
 */
@Injectable()
export class EmailDeliveryJob {
  private readonly logger = new Logger('Emails');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: EmailSender,
    private readonly accepted: AcceptedDeliveries,
    private readonly giveWay: DeliveryGiveWay,
  ) {}

  @JobHandler(JobName.SEND_EMAIL)
  async send(job: Job, token?: string): Promise<string> {
    const id = payloadUuid(JobName.SEND_EMAIL, job.data, 'notificationId');
    await this.giveWay.deferWhileHeld(job, token);
    const acceptance = await this.accepted.recall('email', id);
    if (acceptance) {
      await this.sender.recordLateAcceptance(id, acceptance);
      return 'sent (recorded after the database came back)';
    }
    // A job that ran before meets its email FAILED only when an operator retried the failed job (Bull Board):
    // the job's own attempts end at FAILED, and the sweep revives jobs of PENDING emails only.
    if (job.attemptsMade > 0 && (await this.reopenForOperator(id))) {
      this.logger.log({ msg: 'failed email retried from the queue board', notificationId: id });
    }

    const claimedAt = performance.now();
    const [claimed] = await this.sender.claim([id]);
    if (!claimed) return this.unclaimable(job, token, id);
    if (claimed.email_status === DeliveryStatus.NOT_REQUESTED) return 'recipient deactivated';
    await this.sender.deliver(claimed, claimedAt);
    return 'sent';
  }

  /** Why the claim found nothing to send: settled already, gone, or leased by a worker still within its lease. */
  private async unclaimable(job: Job, token: string | undefined, id: string): Promise<string> {
    const [row]: { email_status: DeliveryStatus; lease_left_ms: number | null }[] = await this.dataSource.query(
      `SELECT email_status, (EXTRACT(EPOCH FROM email_lease_until - now()) * 1000)::float8 AS lease_left_ms
       FROM notification WHERE id = $1`,
      [id],
    );
    if (!row) return 'notification no longer exists';
    if (row.email_status === DeliveryStatus.SENDING && row.lease_left_ms !== null && token) {
      // Another worker is sending it: look again when its lease ends (without using up an attempt).
      await job.moveToDelayed(Date.now() + Math.max(0, row.lease_left_ms) + 100, token);
      throw new DelayedError();
    }
    if (row.email_status === DeliveryStatus.SENDING || row.email_status === DeliveryStatus.PENDING) {
      throw new TransientDeliveryError(`email ${id} changed hands during the claim; trying again`);
    }
    return `already ${row.email_status}`;
  }

  private async reopenForOperator(id: string): Promise<boolean> {
    const rows: unknown[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE notification SET email_status = 'PENDING', email_queued_at = now(), email_failed_at = NULL,
         updated_at = now()
       WHERE id = $1 AND email_status = 'FAILED' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }
}
