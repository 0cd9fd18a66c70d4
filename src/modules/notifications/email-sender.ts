import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';

import { OutgoingMailer } from '@app/common/outgoing-mail';
import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';
import { Clock } from '@app/kernel/clock';
import { Locale } from '@app/kernel/role.enum';
import { Acceptance, AcceptedDeliveries } from '@app/queue/accepted-deliveries';
import { AcceptedButUnrecordedError, deliveryGuard } from '@app/queue/delivery-guard';
import { failureMessage, isTransientFailure } from '@app/queue/job-failures';
import { GroupCommit } from '@app/database/group-commit';
import { updateReturning } from '@app/database/update-returning';

import { DeliveryStatus } from './notification.enums';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

/** The row a claim returns: what the email says, and to whom. */
export interface ClaimedEmail {
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

/** An email the mail server accepted, to record as SENT. */
interface SentEmail {
  id: string;
  messageId: string;
  sentAt: Date;
}

/**
 * The steps of sending a notification's email, shared by the job of one email and the job of a batch: claim (with a
 * lease, committed before the mail server is spoken to), deliver through the guarded transport, record SENT or the
 * failure. README, "Reliability", says what they guarantee together.
 */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger('Emails');
  /** SENT of emails accepted side by side, recorded in one statement (a group commit; see GroupCommit). */
  private readonly sentTogether = new GroupCommit<SentEmail>((sent) => this.recordAll(sent));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly mailer: OutgoingMailer,
    private readonly accepted: AcceptedDeliveries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * PENDING, or SENDING whose lease ran out (its worker died or hung: it hands nothing over after its lease),
   * becomes SENDING with a fresh lease, in one statement for all of `ids`. A deactivated recipient's email becomes
   * NOT_REQUESTED instead (returned with that status). Emails settled, gone or leased by a live worker are left out.
   */
  claim(ids: readonly string[]): Promise<ClaimedEmail[]> {
    return updateReturning(
      this.dataSource.manager,
      `UPDATE notification n SET
         email_status = (CASE WHEN u.active THEN 'SENDING' ELSE 'NOT_REQUESTED' END)::notification_delivery_status,
         email_lease_until = CASE WHEN u.active THEN now() + make_interval(secs => $2::float8 / 1000) END,
         updated_at = now()
       FROM app_user u
       WHERE n.id = ANY($1::uuid[]) AND u.id = n.recipient_user_id
         AND (n.email_status = 'PENDING' OR (n.email_status = 'SENDING' AND n.email_lease_until < now()))
       RETURNING n.id, n.email_status, n.kind, n.reference, n.subject_type, n.subject_id, n.params,
         u.email, u.locale, u.time_zone, n.email_lease_until::text AS lease`,
      [ids, this.config.delivery.leaseMs],
    );
  }

  /**
   * Renders and sends a claimed email (`claimedAt`: `performance.now()` just before its claim was asked for). A
   * failure is recorded and thrown as what the job should throw (see recordFailure); an acceptance PostgreSQL could
   * not record goes up as AcceptedButUnrecordedError (Redis holds it).
   */
  async deliver(claimed: ClaimedEmail, claimedAt: number): Promise<void> {
    const { id } = claimed;
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
          record: (messageId) => this.sentTogether.add({ id, messageId, sentAt: this.clock.now() }),
        }),
      );
    } catch (error) {
      if (error instanceof AcceptedButUnrecordedError) throw error;
      throw await this.recordFailure(id, claimed.lease, error);
    }
  }

  async recordSent(id: string, messageId: string, sentAt: Date): Promise<void> {
    await this.recordAll([{ id, messageId, sentAt }]);
  }

  private async recordAll(sent: SentEmail[]): Promise<void> {
    const updated: { id: string }[] = await updateReturning(
      this.dataSource.manager,
      `UPDATE notification n SET email_status = 'SENT', email_attempts = email_attempts + 1, email_sent_at = s.at,
         email_message_id = s.message_id, email_last_error = NULL, email_lease_until = NULL, email_failed_at = NULL,
         updated_at = now()
       FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS s(id, at, message_id)
       WHERE n.id = s.id AND n.email_status IN ('PENDING', 'SENDING', 'FAILED') RETURNING n.id`,
      [
        sent.map((entry) => entry.id),
        sent.map((entry) => entry.sentAt),
        sent.map((entry) => entry.messageId.slice(0, 200)),
      ],
    );
    if (updated.length === sent.length) return;
    const recorded = new Set(updated.map((row) => row.id));
    for (const { id } of sent.filter((entry) => !recorded.has(entry.id))) {
      this.logger.warn({ msg: 'accepted email was already recorded', notificationId: id });
    }
  }

  /** The server accepted it earlier but PostgreSQL could not record it then: record it now, send nothing. */
  async recordLateAcceptance(id: string, acceptance: Acceptance): Promise<void> {
    await this.recordSent(id, acceptance.messageId, new Date(acceptance.acceptedAt));
    await this.accepted.forget('email', id).catch(() => undefined);
    this.logger.log({ msg: 'email accepted during a database outage recorded as sent', notificationId: id });
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
