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
  digestRunId: string | undefined;
  /** When the sink took the whole message (Date.now()). */
  receivedAt: number;
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
 * (a mail server having a bad day), refuse recipients for good, hold them before accepting (to kill a worker
 * mid-delivery), hold its answer to a message it already has (to kill a worker in the window after the hand-over),
 * or go down altogether (connections refused) and come back on the same port.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private refuseRemaining = 0;
  private refuseAll = false;
  private refusedRecipients = new Set<string>();
  private hold: ((session: SMTPServerSession) => Promise<void>) | undefined;
  private acceptanceHold: (() => Promise<void>) | undefined;
  private server: SMTPServer;
  private listeningOn = 0;

  private constructor() {
    this.server = this.createServer();
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen(0);
    sink.listeningOn = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  get port(): number {
    return this.listeningOn;
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

  /** Refuses these recipients with 550 (mailbox unavailable: a permanent failure). */
  refuseRecipients(addresses: string[]): void {
    this.refusedRecipients = new Set(addresses.map((address) => address.toLowerCase()));
  }

  /** Runs `hold` before answering each MAIL FROM (it may wait, e.g. until a worker is killed). */
  holdMessages(hold: ((session: SMTPServerSession) => Promise<void>) | undefined): void {
    this.hold = hold;
  }

  /**
   * Runs `hold` after a message's final "." (the sink has it and counts it as received) and before answering
   * 250: a sender killed meanwhile cannot know the message arrived.
   */
  holdAcceptance(hold: (() => Promise<void>) | undefined): void {
    this.acceptanceHold = hold;
  }

  /** The mail server goes away: open connections are dropped and new ones refused, until `comeBack`. */
  async goDown(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens again on the same port. */
  async comeBack(): Promise<void> {
    this.server = this.createServer();
    await this.listen(this.port);
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

  private listen(port: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.removeListener('error', reject);
        resolve();
      });
    });
  }

  private createServer(): SMTPServer {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Going down drops open connections at once instead of waiting half a minute for them.
      closeTimeout: 50,
      onMailFrom: (_address, session, callback) => {
        void (this.hold ? this.hold(session) : Promise.resolve()).then(() => {
          if (this.refuseAll || this.refuseRemaining > 0) {
            this.refuseRemaining = Math.max(0, this.refuseRemaining - 1);
            const error = new Error('4.3.0 Mail server temporarily unavailable') as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
            return;
          }
          callback();
        });
      },
      onRcptTo: (address, _session, callback) => {
        if (this.refusedRecipients.has(address.address.toLowerCase())) {
          const error = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
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
            digestRunId: header(raw, 'X-Simpul-Digest') || undefined,
            receivedAt: Date.now(),
          });
          void (this.acceptanceHold ? this.acceptanceHold() : Promise.resolve()).then(() => callback());
        });
      },
    });
    // A client that vanishes mid-conversation (a killed worker) is routine here, not an error.
    server.on('error', () => undefined);
    return server;
  }
}
