import { AddressInfo } from 'node:net';

import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  /** The decoded body (quoted-printable undone), text and HTML parts together. */
  body: string;
  messageId: string;
  notificationId: string | undefined;
}

/** Undoes quoted-printable soft line breaks and =XX escapes (enough for assertions on UTF-8 mail). */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head);
  return match ? match[1].trim() : '';
}

function decodeSubject(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/**
 * A real SMTP server (npm smtp-server) for tests: records every message it accepts. It can refuse messages
 * (a mail server having a bad day) or hold them before accepting (to kill a worker mid-delivery).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private refuseRemaining = 0;
  private refuseAll = false;
  private hold: ((session: SMTPServerSession) => Promise<void>) | undefined;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onMailFrom: (_address, session, callback) => {
        const current = ref.sink!;
        const hold = current.hold;
        void (hold ? hold(session) : Promise.resolve()).then(() => {
          if (current.refuseAll || current.refuseRemaining > 0) {
            current.refuseRemaining = Math.max(0, current.refuseRemaining - 1);
            const error = new Error('4.3.0 Mail server temporarily unavailable') as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
            return;
          }
          callback();
        });
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          ref.sink!.received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            subject: decodeSubject(header(raw, 'Subject')),
            body: decodeQuotedPrintable(
              raw
                .split(/\r?\n\r?\n/)
                .slice(1)
                .join('\n\n'),
            ),
            messageId: header(raw, 'Message-ID'),
            notificationId: header(raw, 'X-Simpul-Notification') || undefined,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    const sink = new SmtpSink(server, port);
    ref.sink = sink;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuses the next `count` messages with 451 (temporary failure). */
  refuseNext(count: number): void {
    this.refuseRemaining = count;
  }

  /** Refuses every message until told otherwise. */
  refuseEverything(on: boolean): void {
    this.refuseAll = on;
  }

  /** Runs `hold` before answering each MAIL FROM (it may wait, e.g. until a worker is killed). */
  holdMessages(hold: ((session: SMTPServerSession) => Promise<void>) | undefined): void {
    this.hold = hold;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  clear(): void {
    this.received.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
