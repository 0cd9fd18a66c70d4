import type { Socket } from 'node:net';
import { Readable } from 'node:stream';

import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

import { OutgoingMail, withEncodedBodies } from './mail-transport';

/**
 * The two moments of a send that decide whether a message can be delivered twice, for the caller to act on.
 */
export interface HandOverGuard {
  /**
   * Called when the server holds the whole message and only the final "." is missing, which is what makes it the
   * server's. Throw to abandon the send (e.g. the caller's lease on the delivery ran out): the connection is dropped
   * without the "." and the server discards what it got.
   */
  beforeHandOver(): void | Promise<void>;
  /**
   * Called with the server's acceptance, before any other message of this process may be handed over: make it known
   * somewhere that outlives this process (quickly: every other message's hand-over waits for it).
   */
  afterAccepted(messageId: string): Promise<void>;
  /** Called after the window is free again (other messages may be handed over meanwhile): record it for good. */
  afterWindow?(messageId: string): Promise<void>;
}

const NO_GUARD: HandOverGuard = { beforeHandOver: () => undefined, afterAccepted: async () => undefined };

/** Connections kept open between messages, and how many messages one connection carries before it is renewed. */
const MAX_IDLE = 10;
const MAX_MESSAGES_PER_CONNECTION = 100;

/**
 * SMTP delivery with the hand-over made explicit. A message becomes the server's when it answers the final "." of
 * DATA; a process killed after that and before the caller recorded it will send the message again when its work
 * is retried. This transport lets at most one message per process be in that window at a time: the "." of a
 * message is sent only once the previous message's acceptance is recorded (`afterAccepted` has returned). The
 * conversations themselves (connecting, MAIL FROM, RCPT TO, the message data) still run side by side.
 *
 * Built on nodemailer's SMTP connection (the same code its transports use), with a small pool of open connections.
 */
export class GuardedSmtpTransport {
  private readonly idle: SMTPConnection[] = [];
  private readonly dead = new WeakSet<SMTPConnection>();
  private readonly sent = new WeakMap<SMTPConnection, number>();
  /** The hand-over gate: resolves when the message in the window (if any) has been recorded. */
  private gate: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly smtpUrl: string,
    private readonly options: { timeoutMs?: number } = {},
  ) {}

  /** Sends one message; returns the Message-ID the server accepted. */
  async send(mail: OutgoingMail, guard: HandOverGuard = NO_GUARD): Promise<string> {
    const node = new MailComposer(withEncodedBodies(mail)).compile();
    const raw = await node.build();
    const envelope = node.getEnvelope() as SMTPConnection.Envelope;
    const connection = await this.acquire();

    let settled = false;
    let holding: (() => void) | undefined;
    const release = () => {
      holding?.();
      holding = undefined;
    };
    let reads = 0;
    const message = new Readable({
      read: () => {
        reads += 1;
        if (reads === 1) {
          message.push(raw);
          return;
        }
        if (reads > 2) return;
        // Everything but the "." is with the connection now; the next step hands the message over.
        if (settled) {
          message.push(null);
          return;
        }
        void this.enterGate().then(async (leave) => {
          holding = leave;
          if (settled) {
            release();
            message.push(null);
            return;
          }
          try {
            await guard.beforeHandOver();
            message.push(null);
          } catch (error) {
            release();
            message.destroy(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    });

    try {
      await untilDone(connection, (done) => connection.send(envelope, message, (error) => done(error ?? undefined)));
      settled = true;
    } catch (error) {
      settled = true;
      release();
      this.discard(connection);
      // A send abandoned at the gate fails with the guard's own error, not nodemailer's wrapper of it.
      const cause = (error as { message?: string }).message;
      throw message.errored && cause?.includes(message.errored.message) ? message.errored : error;
    }
    try {
      await guard.afterAccepted(mail.messageId);
    } finally {
      release();
      this.giveBack(connection);
    }
    await guard.afterWindow?.(mail.messageId);
    return mail.messageId;
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.quit();
  }

  /** Waits for the window to be free and takes it; resolves with the function that leaves it. */
  private enterGate(): Promise<() => void> {
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const previous = this.gate;
    this.gate = previous.then(() => left);
    return previous.then(() => leave);
  }

  private async acquire(): Promise<SMTPConnection> {
    while (this.idle.length > 0) {
      const connection = this.idle.pop()!;
      if (!this.dead.has(connection) && !connection.destroyed) return connection;
    }
    const url = new URL(this.smtpUrl);
    const timeout = this.options.timeoutMs ?? 20_000;
    const connection = new SMTPConnection({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    // Without listeners these would be unhandled; a dead connection is simply not reused.
    connection.on('error', () => this.dead.add(connection));
    connection.on('end', () => this.dead.add(connection));
    try {
      await untilDone(connection, (done) => connection.connect(() => done()));
      // Without Nagle's algorithm: the final "." of a message is a few bytes written after a large body, and held back
      // until the body was acknowledged it waited out the server's delayed ACK, inside the hand-over window (issue 22).
      (connection as unknown as { _socket?: Socket })._socket?.setNoDelay(true);
      if (url.username) {
        const credentials = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
        await untilDone(connection, (done) => connection.login(credentials, (error) => done(error ?? undefined)));
      }
    } catch (error) {
      this.discard(connection);
      throw error;
    }
    return connection;
  }

  private giveBack(connection: SMTPConnection): void {
    const count = (this.sent.get(connection) ?? 0) + 1;
    this.sent.set(connection, count);
    if (
      this.closed ||
      this.dead.has(connection) ||
      count >= MAX_MESSAGES_PER_CONNECTION ||
      this.idle.length >= MAX_IDLE
    ) {
      connection.quit();
      return;
    }
    this.idle.push(connection);
  }

  private discard(connection: SMTPConnection): void {
    this.dead.add(connection);
    connection.close();
  }
}

/**
 * Runs one step of a conversation and settles with its outcome. nodemailer reports a connection that fails or
 * closes (a refused connect, a server going away mid-message) as an `error` or `end` event only, never through
 * the step's callback, which then would wait forever.
 */
function untilDone(connection: SMTPConnection, step: (done: (error?: Error) => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      connection.off('error', onError);
      connection.off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onError = (error: Error) => finish(error);
    const onEnd = () =>
      finish(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }) as Error);
    connection.once('error', onError);
    connection.once('end', onEnd);
    step(finish);
  });
}
