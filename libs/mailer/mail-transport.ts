import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';

import { quotedPrintablePart } from './quoted-printable';

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

/**
 * The message with its plain-text and HTML bodies already quoted-printable, as MIME parts nodemailer sends as they
 * are. Left to itself nodemailer scans every body with a regular expression to choose an encoding (~15 CPU-ms for a
 * 60 kB digest) and then encodes it with its own, slower encoder (see quoted-printable.ts).
 */
export function withEncodedBodies(mail: OutgoingMail): Mail.Options {
  return {
    ...mail,
    // nodemailer reads `raw` on a body as on an attachment (mail-composer), though its types list it for the latter.
    text: { raw: quotedPrintablePart('text/plain', mail.text) } as Mail.AttachmentLike,
    html: { raw: quotedPrintablePart('text/html', mail.html) } as Mail.AttachmentLike,
  };
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
    const info = (await this.transporter.sendMail(withEncodedBodies(mail))) as { messageId?: string };
    return info.messageId ?? mail.messageId;
  }

  close(): void {
    this.transporter.close();
  }
}
