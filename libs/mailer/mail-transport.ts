import { createTransport, Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A deterministic Message-ID lets receiving systems recognise a resend of the same notification. */
  messageId: string;
  headers?: Record<string, string>;
}

/** SMTP delivery through nodemailer; one pooled transport per process. */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string, options: { timeoutMs?: number } = {}) {
    const timeout = options.timeoutMs ?? 20_000;
    const url = new URL(smtpUrl);
    this.transporter = createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: 5,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail({ ...mail, messageId: mail.messageId })) as { messageId?: string };
    return info.messageId ?? mail.messageId;
  }

  close(): void {
    this.transporter.close();
  }
}
