import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { Clock } from '@app/kernel/clock';
import { OutgoingMailer } from '@app/common/outgoing-mail';
import { isLockNotAvailable } from '@app/database/db-errors';
import { JobHandler } from '@app/queue/job-handler.decorator';
import { payloadUuid } from '@app/queue/job-errors';
import { JobName } from '@app/queue/queue.names';
import { Locale } from '@app/kernel/role.enum';

import { DeliveryStatus } from './notification.enums';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

/**
 * Sends the email of one notification. The notification row stays locked (FOR UPDATE NOWAIT) while the mail
 * server talks, so two workers can never send it at once; a worker that dies releases the lock with its
 * connection and the job's retry sends it. SENT is final: a rerun finds it and sends nothing.
 */
@Injectable()
export class EmailDeliveryJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly mailer: OutgoingMailer,
  ) {}

  @JobHandler(JobName.SEND_EMAIL)
  async send(job: Job): Promise<string> {
    const id = payloadUuid(JobName.SEND_EMAIL, job.data, 'notificationId');
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      let rows: (NotificationEntity & { email: string; locale: Locale; timeZone: string; active: boolean })[];
      try {
        rows = await runner.manager
          .getRepository(NotificationEntity)
          .createQueryBuilder('n')
          .innerJoin('n.recipient', 'u')
          .select('n')
          .addSelect(['u.email', 'u.locale', 'u.timeZone', 'u.active'])
          .where('n.id = :id', { id })
          .setLock('pessimistic_write_or_fail', undefined, ['n'])
          .getRawAndEntities()
          .then(({ entities, raw }) =>
            entities.map((entity, i) => {
              const r = raw[i] as Record<string, unknown>;
              return Object.assign(entity, {
                email: r.u_email as string,
                locale: r.u_locale as Locale,
                timeZone: r.u_time_zone as string,
                active: r.u_active as boolean,
              });
            }),
          );
      } catch (error) {
        if (isLockNotAvailable(error)) throw new Error('another worker is sending this email; retrying later');
        throw error;
      }
      const notification = rows[0];
      if (!notification) {
        await runner.commitTransaction();
        return 'notification no longer exists';
      }
      if (notification.emailStatus !== DeliveryStatus.PENDING) {
        await runner.commitTransaction();
        return `already ${notification.emailStatus}`;
      }
      if (!notification.active) {
        await runner.manager.update(NotificationEntity, { id }, { emailStatus: DeliveryStatus.NOT_REQUESTED });
        await runner.commitTransaction();
        return 'recipient deactivated';
      }
      const rendered = this.notifications.render(notification, notification.locale, notification.timeZone);
      try {
        const messageId = await this.mailer.send({
          to: notification.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          messageId: `<${notification.id}@notification.simpul>`,
          headers: { 'X-Simpul-Notification': notification.id },
        });
        await runner.manager.update(
          NotificationEntity,
          { id },
          {
            emailStatus: DeliveryStatus.SENT,
            emailAttempts: notification.emailAttempts + 1,
            emailSentAt: this.clock.now(),
            emailMessageId: messageId.slice(0, 200),
            emailLastError: null,
          },
        );
        await runner.commitTransaction();
        return 'sent';
      } catch (error) {
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        await runner.manager.update(
          NotificationEntity,
          { id },
          {
            emailStatus: last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
            emailAttempts: notification.emailAttempts + 1,
            emailLastError: String((error as Error).message ?? error).slice(0, 500),
          },
        );
        await runner.commitTransaction();
        throw error;
      }
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
