import { performance } from 'node:perf_hooks';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

import { OutgoingMailer } from '@app/common/outgoing-mail';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Clock } from '@app/kernel/clock';
import { Locale } from '@app/kernel/role.enum';
import { Acceptance, AcceptedDeliveries } from '@app/queue/accepted-deliveries';
import { AcceptedButUnrecordedError, deliveryGuard } from '@app/queue/delivery-guard';
import { failureMessage, isTransientFailure, TransientDeliveryError } from '@app/queue/job-failures';
import { updateReturning } from '@app/database/update-returning';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';

import { DeliveryStatus } from './notification.enums';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

/** The row a claim returns: what the email says, and to whom. */
interface ClaimedEmail {
  id: string;
  email_status: DeliveryStatus;
  kind: NotificationEntity['kind'];
  reference: string;
  subject_type: string;
  subject_id: string;
  params: NotificationEntity['params'];
  email: string;
  locale: Locale;
  time_zone: string;
  /** The lease's end as PostgreSQL wrote it (to the microsecond): proof that the claim is still this job's. */
  lease: string | null;
}

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
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly mailer: OutgoingMailer,
    private readonly accepted: AcceptedDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.SEND_EMAIL)
  async send(job: Job, token?: string): Promise<string> {
    const id = payloadUuid(JobName.SEND_EMAIL, job.data, 'notificationId');
    const acceptance = await this.accepted.recall('email', id);
    if (acceptance) return this.recordLateAcceptance(id, acceptance);
    // A job that ran before meets its email FAILED only when an operator retried the failed job (Bull Board):
    // the job's own attempts end at FAILED, and the sweep revives jobs of PENDING emails only.
    if (job.attemptsMade > 0 && (await this.reopenForOperator(id))) {
      this.logger.log({ msg: 'failed email retried from the queue board', notificationId: id });
    }

    const claimedAt = performance.now();
    const claimed = await this.claim(id);
    if (!claimed) return this.unclaimable(job, token, id);
    if (claimed.email_status === DeliveryStatus.NOT_REQUESTED) return 'recipient deactivated';

    try {
      const rendered = this.notifications.render(
        {
          id,
          kind: claimed.kind,
          reference: claimed.reference,
          subjectType: claimed.subject_type,
          subjectId: claimed.subject_id,
          params: claimed.params,
        } as NotificationEntity,
        claimed.locale,
        claimed.time_zone,
      );
      await this.mailer.send(
        {
          to: claimed.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<${id}@notification.simpul>`,
          headers: { 'X-Simpul-Notification': id },
        },
        deliveryGuard({
          kind: 'email',
          id,
          claimedAt,
          leaseMs: this.config.delivery.leaseMs,
          accepted: this.accepted,
          record: (messageId) => this.recordSent(id, messageId, this.clock.now()),
        }),
      );
      return 'sent';
    } catch (error) {
      if (error instanceof AcceptedButUnrecordedError) throw error;
      throw await this.recordFailure(id, claimed.lease, error);
    }
  }

  /**
   * PENDING, or SENDING whose lease ran out (its worker died or hung: it hands nothing over after its lease),
   * becomes SENDING with a fresh lease. A deactivated recipient's email becomes NOT_REQUESTED instead.
   */
  private async claim(id: string): Promise<ClaimedEmail | undefined> {
    const rows: ClaimedEmail[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE notification n SET
         email_status = (CASE WHEN u.active THEN 'SENDING' ELSE 'NOT_REQUESTED' END)::notification_delivery_status,
         email_lease_until = CASE WHEN u.active THEN now() + make_interval(secs => $2::float8 / 1000) END,
         updated_at = now()
       FROM app_user u
       WHERE n.id = $1 AND u.id = n.recipient_user_id
         AND (n.email_status = 'PENDING' OR (n.email_status = 'SENDING' AND n.email_lease_until < now()))
       RETURNING n.id, n.email_status, n.kind, n.reference, n.subject_type, n.subject_id, n.params,
         u.email, u.locale, u.time_zone, n.email_lease_until::text AS lease`,
      [id, this.config.delivery.leaseMs],
    );
    return rows[0];
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

  private async recordSent(id: string, messageId: string, sentAt: Date): Promise<void> {
    const updated: unknown[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE notification SET email_status = 'SENT', email_attempts = email_attempts + 1, email_sent_at = $2,
         email_message_id = $3, email_last_error = NULL, email_lease_until = NULL, email_failed_at = NULL,
         updated_at = now()
       WHERE id = $1 AND email_status IN ('PENDING', 'SENDING', 'FAILED') RETURNING id`,
      [id, sentAt, messageId.slice(0, 200)],
    );
    if (updated.length === 0) this.logger.warn({ msg: 'accepted email was already recorded', notificationId: id });
  }

  /** The server accepted it earlier but PostgreSQL could not record it then: record it now, send nothing. */
  private async recordLateAcceptance(id: string, acceptance: Acceptance): Promise<string> {
    await this.recordSent(id, acceptance.messageId, new Date(acceptance.acceptedAt));
    await this.accepted.forget('email', id).catch(() => undefined);
    this.logger.log({ msg: 'email accepted during a database outage recorded as sent', notificationId: id });
    return 'sent (recorded after the database came back)';
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

  /**
   * Records a failed attempt (unless the claim passed to another worker meanwhile) and returns what the job should
   * throw: the error itself for a retry, or an UnrecoverableError when the email is FAILED now (refused for good,
   * or past its retry span).
   */
  private async recordFailure(id: string, lease: string | null, error: unknown): Promise<Error> {
    const permanent = !isTransientFailure(error);
    const reason = failureMessage(error);
    const rows: { email_status: DeliveryStatus }[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE notification SET email_attempts = email_attempts + 1, email_last_error = $2, email_lease_until = NULL,
         email_status = (CASE WHEN $3 OR email_queued_at <= now() - make_interval(secs => $4::float8 / 1000)
           THEN 'FAILED' ELSE 'PENDING' END)::notification_delivery_status,
         email_failed_at = CASE WHEN $3 OR email_queued_at <= now() - make_interval(secs => $4::float8 / 1000)
           THEN now() END,
         updated_at = now()
       WHERE id = $1 AND email_status = 'SENDING' AND email_lease_until = $5::timestamptz RETURNING email_status`,
      [id, reason, permanent, this.config.delivery.retrySpanMs, lease],
    );
    if (rows[0]?.email_status !== DeliveryStatus.FAILED) return error instanceof Error ? error : new Error(reason);
    this.logger.warn({
      msg: 'email failed for good; it waits for an administrator',
      notificationId: id,
      why: permanent ? 'refused' : 'retry span passed',
      error: reason,
    });
    return new UnrecoverableError(`FAILED: ${reason}`);
  }
}
