import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { GuardedSmtpTransport, HandOverGuard } from '@libs/mailer/guarded-smtp';
import { OutgoingMail } from '@libs/mailer';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

export type { HandOverGuard } from '@libs/mailer/guarded-smtp';

/**
 * The process's one SMTP transport (SMTP_URL, sender MAIL_FROM), opened on first use and closed at shutdown;
 * notification emails and weekly digests both send through it, so at most one message of the process is ever
 * between the server's acceptance and its record (see GuardedSmtpTransport).
 */
@Injectable()
export class OutgoingMailer implements OnApplicationShutdown {
  private transport: GuardedSmtpTransport | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sends from MAIL_FROM; returns the Message-ID the server accepted. */
  send(mail: Omit<OutgoingMail, 'from'>, guard?: HandOverGuard): Promise<string> {
    if (!this.config.smtpUrl) throw new Error('No SMTP_URL configured for the worker.');
    this.transport ??= new GuardedSmtpTransport(this.config.smtpUrl);
    return this.transport.send({ from: this.config.mailFrom, ...mail }, guard);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
