import { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server that accepts every message and keeps only counts and Message-IDs (a digest run at national
 * scale would not fit in memory as raw messages). It stands in for the mail relay of a deployment.
 */
export class CountingSmtpSink {
  received = 0;
  bytes = 0;
  /** Messages per Message-ID domain: digests are <run id@digest.simpul>, notification emails have their own. */
  readonly byDomain = new Map<string, number>();
  readonly messageIds = new Set<string>();
  duplicates = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<CountingSmtpSink> {
    const ref: { sink?: CountingSmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      maxClients: 1000,
      onData: (stream, _session, callback) => {
        let head = '';
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (head.length < 8192) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          const sink = ref.sink!;
          sink.received += 1;
          sink.bytes += size;
          const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
          const domain = id ? (/@([^>]+)>?$/.exec(id)?.[1] ?? '') : '';
          sink.byDomain.set(domain, (sink.byDomain.get(domain) ?? 0) + 1);
          if (id) {
            if (sink.messageIds.has(id)) sink.duplicates += 1;
            else sink.messageIds.add(id);
          }
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sink = new CountingSmtpSink(server, (server.server.address() as AddressInfo).port);
    ref.sink = sink;
    return sink;
  }

  /** Weekly digests received. */
  get digests(): number {
    return this.byDomain.get('digest.simpul') ?? 0;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
