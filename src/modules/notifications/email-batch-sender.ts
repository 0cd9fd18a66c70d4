import { performance } from 'node:perf_hooks';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

import { AcceptedDeliveries } from '@app/queue/accepted-deliveries';
import { DeliveryGiveWay } from '@app/queue/delivery-give-way';
import { failureMessage, TransientDeliveryError } from '@app/queue/job-failures';
import { eachAtMost } from '@app/queue/each-at-most';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuids } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { DeliveryStatus } from './notification.enums';
import { EMAIL_BATCH_SIZE } from './notifications.service';
import { EmailSender } from './email-sender';

/** Messages of one batch with the mail server at once (a worker runs several batches side by side). */
const SENDS_AT_ONCE = 2;

/**
 * Sends the emails of a batch of notifications (issue 22: the emails of 100,000 fired rungs, one job, one claim and
 * two Redis round trips each, kept a worker at ~200 emails a second on two cores). The batch's acceptances kept in
 * Redis are read in one round trip, its emails are claimed in one statement, and each is then delivered and recorded
 * on its own exactly as a single email's job does (EmailSender), so every guarantee of the README's "Reliability"
 * holds per email: a lease before the mail server is spoken to, the hand-over only while it holds, SENT at once.
 *
 * An email another worker holds is waited for: the job comes back when that lease ends. When some emails could not be
 * sent now (the mail server or PostgreSQL away) the job fails after the others went, and its retry sends only those
 * (the rest are SENT); an email whose job is lost altogether has its batch's job re-added by the sweep. Unlike a
 * single email's job, a retry of a batch never reopens a FAILED email: an administrator retries those
 * (retryFailedDeliveries), one by one.
 */
@Injectable()
export class EmailBatchSender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: EmailSender,
    private readonly accepted: AcceptedDeliveries,
    private readonly giveWay: DeliveryGiveWay,
  ) {}

  @JobHandler(JobName.SEND_EMAIL_BATCH)
  async sendBatch(job: Job, token?: string): Promise<string> {
    const ids = payloadUuids(JobName.SEND_EMAIL_BATCH, job.data, 'notificationIds', EMAIL_BATCH_SIZE * 4);
    await this.giveWay.deferWhileHeld(job, token);
    const acceptances = await this.accepted.recallMany('email', ids);
    for (const [id, acceptance] of acceptances) await this.sender.recordLateAcceptance(id, acceptance);
    const open = ids.filter((id) => !acceptances.has(id));

    const claimedAt = performance.now();
    const claimed = open.length > 0 ? await this.sender.claim(open) : [];
    const tally = { sent: 0, failed: 0, later: 0 };
    let retry: Error | undefined;
    const toSend = claimed.filter((email) => email.email_status === DeliveryStatus.SENDING);
    await eachAtMost(SENDS_AT_ONCE, toSend, async (email) => {
      try {
        await this.sender.deliver(email, claimedAt);
        tally.sent += 1;
      } catch (error) {
        if (error instanceof UnrecoverableError) {
          tally.failed += 1;
        } else {
          tally.later += 1;
          retry ??= error as Error;
        }
      }
    });
    const summary =
      `${tally.sent} sent, ${acceptances.size} recorded late, ${claimed.length - toSend.length} not requested, ` +
      `${tally.failed} failed, ${tally.later} to retry, ${open.length - claimed.length} settled or held elsewhere`;
    if (retry) throw new TransientDeliveryError(`${summary}; first cause: ${failureMessage(retry)}`);
    if (claimed.length < open.length && token) {
      const mine = new Set(claimed.map((email) => email.id));
      const leaseLeftMs = await this.heldElsewhere(open.filter((id) => !mine.has(id)));
      if (leaseLeftMs !== null) {
        // Another worker is sending some of them: look again when its lease ends (without using up an attempt).
        await job.moveToDelayed(Date.now() + Math.max(0, leaseLeftMs) + 100, token);
        throw new DelayedError();
      }
    }
    return summary;
  }

  /** How long the longest live lease another worker holds on these emails lasts, or null when none holds one. */
  private async heldElsewhere(ids: string[]): Promise<number | null> {
    const [row]: { lease_left_ms: number | null }[] = await this.dataSource.query(
      `SELECT (EXTRACT(EPOCH FROM max(email_lease_until) - now()) * 1000)::float8 AS lease_left_ms
       FROM notification WHERE id = ANY($1::uuid[]) AND email_status = 'SENDING' AND email_lease_until >= now()`,
      [ids],
    );
    return row?.lease_left_ms ?? null;
  }
}
