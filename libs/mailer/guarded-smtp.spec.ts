import { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

import { GuardedSmtpTransport } from './guarded-smtp';

/** A real SMTP server in-process that counts the messages it accepted and can refuse a recipient. */
async function smtpServer(options: { refuse?: string } = {}) {
  const state = { accepted: [] as string[], onAccepted: (_id: string) => undefined as void };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 50,
    onRcptTo: (address, _session, callback) => {
      if (address.address === options.refuse) {
        const error = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData: (stream, _session, callback) => {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const id = /^Message-ID: (.*)$/im.exec(raw)?.[1].trim() ?? '';
        state.accepted.push(id);
        state.onAccepted(id);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { url, state, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const mail = (n: number, to = `liaison-${n}@test.simpul.id`) => ({
  from: 'no-reply@simpul.local',
  to,
  subject: `Tugas baru: TSK-${n}`,
  text: 'A task was assigned to your agency.',
  html: '<p>A task was assigned to your agency.</p>',
  messageId: `<${n}@notification.simpul>`,
});

describe('GuardedSmtpTransport', () => {
  it('never lets the server hold two accepted messages of this process that are not recorded yet', async () => {
    const server = await smtpServer();
    const sut = new GuardedSmtpTransport(server.url);
    let recorded = 0;
    let worst = 0;
    server.state.onAccepted = () => (worst = Math.max(worst, server.state.accepted.length - recorded));
    try {
      const sends = Array.from({ length: 30 }, (_, n) =>
        sut.send(mail(n), {
          beforeHandOver: () => undefined,
          // A slow record (a busy database) widens the window every other send would fall into.
          afterAccepted: async () => {
            await new Promise((resolve) => setTimeout(resolve, 3));
            recorded += 1;
          },
        }),
      );
      expect((await Promise.all(sends)).sort()).toEqual(
        Array.from({ length: 30 }, (_, n) => `<${n}@notification.simpul>`).sort(),
      );
      expect(server.state.accepted).toHaveLength(30);
      expect(worst).toBe(1);
    } finally {
      sut.close();
      await server.stop();
    }
  });

  it('frees the window once the acceptance is noted: recording it for good does not hold up the next message', async () => {
    const server = await smtpServer();
    const sut = new GuardedSmtpTransport(server.url);
    let releaseFirst!: () => void;
    const firstRecorded = new Promise<void>((resolve) => (releaseFirst = resolve));
    const order: string[] = [];
    try {
      const first = sut.send(mail(0), {
        beforeHandOver: () => undefined,
        afterAccepted: async () => void order.push('0 noted'),
        afterWindow: async () => {
          await firstRecorded;
          order.push('0 recorded');
        },
      });
      await until(() => order.includes('0 noted'));
      // The first message's record is still pending: the second goes through the window meanwhile.
      await sut.send(mail(1), {
        beforeHandOver: () => undefined,
        afterAccepted: async () => void order.push('1 noted'),
      });
      expect(server.state.accepted).toEqual(['<0@notification.simpul>', '<1@notification.simpul>']);
      releaseFirst();
      // The send itself answers only once its record is done.
      await expect(first).resolves.toBe('<0@notification.simpul>');
      expect(order).toEqual(['0 noted', '1 noted', '0 recorded']);
    } finally {
      sut.close();
      await server.stop();
    }
  });

  it('abandons a message at the hand-over when the guard says so: the server never has it', async () => {
    const server = await smtpServer();
    const sut = new GuardedSmtpTransport(server.url);
    try {
      const expired = new Error('the lease ran out');
      await expect(
        sut.send(mail(1), { beforeHandOver: () => Promise.reject(expired), afterAccepted: async () => undefined }),
      ).rejects.toBe(expired);
      // The next message goes out on a fresh connection; the abandoned one never arrives.
      await sut.send(mail(2));
      expect(server.state.accepted).toEqual(['<2@notification.simpul>']);
    } finally {
      sut.close();
      await server.stop();
    }
  });

  it("reports a refused recipient with the server's permanent code", async () => {
    const server = await smtpServer({ refuse: 'gone@test.simpul.id' });
    const sut = new GuardedSmtpTransport(server.url);
    try {
      await expect(sut.send(mail(3, 'gone@test.simpul.id'))).rejects.toMatchObject({ responseCode: 550 });
      await sut.send(mail(4));
      expect(server.state.accepted).toEqual(['<4@notification.simpul>']);
    } finally {
      sut.close();
      await server.stop();
    }
  });

  it('fails at once, with a transient code, when the server is away or goes away mid-conversation', async () => {
    const server = await smtpServer();
    const sut = new GuardedSmtpTransport(server.url);
    try {
      await sut.send(mail(5));
      await server.stop();
      // The idle connection it kept is gone, and nothing listens any more.
      await expect(sut.send(mail(6))).rejects.toMatchObject({ code: expect.stringMatching(/^E(CONNECTION|SOCKET)$/) });
      expect(server.state.accepted).toEqual(['<5@notification.simpul>']);
    } finally {
      sut.close();
    }
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
