import { createTransport } from 'nodemailer';

import { ensureRedis } from '@app/runtime/local-redis';
import { startMailCatcher } from '@app/runtime/mail-catcher';
import { freePort } from '@libs/testing/free-port';
import { readTestRunState } from '@libs/testing/test-environment';

describe('zero-setup services', () => {
  it('uses a Redis that answers and leaves it running on stop', async () => {
    const { redisUrl } = readTestRunState();
    const sut = await ensureRedis({ url: redisUrl, dataDir: '/tmp', allowSpawn: false, log: () => undefined });
    await sut.stop();
    const again = await ensureRedis({ url: redisUrl, dataDir: '/tmp', allowSpawn: false, log: () => undefined });
    expect(again.url).toBe(redisUrl);
  });

  it('explains how to get Redis when none answers, naming REDIS_URL', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    await expect(ensureRedis({ url, dataDir: '/tmp', allowSpawn: false, log: () => undefined })).rejects.toThrow(
      /REDIS_URL/,
    );
  });

  it('catches mail in-process and shows it in the web inbox', async () => {
    const sut = await startMailCatcher({ smtpPort: await freePort(), webPort: await freePort(), log: () => undefined });
    try {
      await createTransport(sut.smtpUrl).sendMail({
        from: 'simpul@test.simpul.id',
        to: 'liaison@test.simpul.id',
        subject: 'Tugas baru: TSK-1',
        text: 'A task was assigned to your agency.',
      });
      const inbox = (await (await fetch(`${sut.webUrl}/email`)).json()) as { subject: string }[];
      expect(inbox.map((mail) => mail.subject)).toContain('Tugas baru: TSK-1');
    } finally {
      await sut.stop();
    }
  });
});
