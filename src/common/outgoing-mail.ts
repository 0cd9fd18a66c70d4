import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { MailTransport, OutgoingMail } from '@libs/mailer';

import { AppConfig } from '@app/config/app-config';
import { APP_CONFIG } from '@app/config/config.module';

/**
 * The process's one pooled SMTP transport (SMTP_URL, sender MAIL_FROM), opened on first use and closed at
 * shutdown; notification emails and weekly digests both send through it.
 */
@Injectable()
export class OutgoingMailer implements OnApplicationShutdown {
  private transport: MailTransport | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sends from MAIL_FROM; returns the Message-ID the server accepted. */
  send(mail: Omit<OutgoingMail, 'from'>): Promise<string> {
    if (!this.config.smtpUrl) throw new Error('No SMTP_URL configured for the worker.');
    this.transport ??= new MailTransport(this.config.smtpUrl);
    return this.transport.send({ from: this.config.mailFrom, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
