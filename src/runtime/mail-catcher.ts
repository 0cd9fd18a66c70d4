import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// maildev ships no types; its entry starts SMTP and the web inbox and returns the (module-wide) mail server.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const startMailDev = require('maildev') as (config: Record<string, unknown>) => {
  listen(): Promise<void>;
  close(callback: () => void): void;
};
// Its web server, to wait until that has closed too (maildev closes it without telling anyone).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mailDevWeb = require('maildev/lib/web') as { server: Server | null };

export interface MailCatcherHandle {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

type Log = (msg: string) => void;

let active = false;

/** maildev does not report a taken port: the listen error is thrown from an event handler and ends the process. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(false)));
  });
}

/**
 * Development only: MailDev in-process on 127.0.0.1 (SMTP plus a web inbox and its REST API, `GET /email`), so
 * every mail Simpul sends can be read locally. It never relays mail out. MailDev keeps its state in module
 * globals, so one catcher runs per process.
 */
export async function startMailCatcher(opts: {
  smtpPort: number;
  webPort: number;
  log: Log;
}): Promise<MailCatcherHandle> {
  const { smtpPort, webPort, log } = opts;
  if (active) throw new Error('A mail catcher already runs in this process (MailDev allows one per process).');
  for (const [port, variable] of [
    [smtpPort, 'EMBEDDED_SMTP_PORT'],
    [webPort, 'EMBEDDED_MAIL_WEB_PORT'],
  ] as const) {
    if (await portTaken(port)) {
      throw new Error(
        `Port ${port} on 127.0.0.1 is already in use, so the mail catcher cannot start. ` +
          `Set ${variable} to a free port, or set SMTP_URL to an SMTP server you run.`,
      );
    }
  }

  active = true;
  const mailDirectory = mkdtempSync(join(tmpdir(), 'simpul-maildev-'));
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  let server: ReturnType<typeof startMailDev>;
  try {
    server = startMailDev({
      smtp: smtpPort,
      web: webPort,
      ip: '127.0.0.1',
      webIp: '127.0.0.1',
      mailDirectory,
      silent: true,
    });
  } finally {
    // MailDev installs handlers that exit the process on Ctrl-C; Simpul stops it itself, after the API.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
      }
    }
  }
  const web = mailDevWeb.server;
  const webListening = new Promise<void>((done, fail) => {
    if (!web || web.listening) return done();
    web.once('listening', () => done());
    web.once('error', fail);
  });
  try {
    await Promise.all([server.listen(), webListening]);
  } catch (error) {
    await new Promise<void>((done) => server.close(() => done()));
    active = false;
    rmSync(mailDirectory, { recursive: true, force: true });
    throw new Error(`The mail catcher could not start (${(error as Error).message}); set SMTP_URL instead.`);
  }
  const webUrl = `http://127.0.0.1:${webPort}`;
  log(`Mail catcher: SMTP 127.0.0.1:${smtpPort}, inbox ${webUrl}`);

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const webClosed = web?.listening ? new Promise<void>((done) => web.once('close', () => done())) : undefined;
    await new Promise<void>((done) => server.close(() => done()));
    await webClosed;
    rmSync(mailDirectory, { recursive: true, force: true });
    active = false;
  };
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl, stop: () => (stopping ??= stop()) };
}
