import { createServer } from 'node:net';

import { createTransport } from 'nodemailer';

import { freePort } from '@libs/testing/free-port';

import { startMailCatcher } from './mail-catcher';

const log = () => undefined;

describe(startMailCatcher.name, () => {
  it('catches mail on loopback and serves it through the web inbox API', async () => {
    const smtpPort = await freePort();
    const sut = await startMailCatcher({ smtpPort, webPort: await freePort(), log });
    try {
      expect(sut.smtpUrl).toBe(`smtp://127.0.0.1:${smtpPort}`);
      await createTransport(sut.smtpUrl).sendMail({
        from: 'simpul@test.simpul.id',
        to: 'liaison@test.simpul.id',
        subject: 'Tugas baru: TSK-1',
        text: 'A task was assigned to your agency.',
      });
      const inbox = (await (await fetch(`${sut.webUrl}/email`)).json()) as { subject: string; text: string }[];
      expect(inbox).toEqual([
        expect.objectContaining({ subject: 'Tugas baru: TSK-1', text: 'A task was assigned to your agency.\n' }),
      ]);
    } finally {
      await sut.stop();
    }
    await expect(fetch(`${sut.webUrl}/email`)).rejects.toThrow();
  });

  it('names the variable to change when a port is taken, instead of crashing the process', async () => {
    const blocker = createServer();
    const webPort = await freePort();
    await new Promise<void>((done) => blocker.listen(webPort, '127.0.0.1', done));
    try {
      await expect(startMailCatcher({ smtpPort: await freePort(), webPort, log })).rejects.toThrow(
        /EMBEDDED_MAIL_WEB_PORT/,
      );
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });
});
