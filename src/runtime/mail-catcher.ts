import { connect } from 'node:net';

// maildev ships no types; its entry is a function that starts SMTP and the web inbox and returns the server.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const startMailDev = require('maildev') as (config: Record<string, unknown>) => {
  listen(): Promise<void>;
  close(callback: () => void): void;
};

export interface MailCatcherHandle {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** Development only: MailDev in-process, so every mail Simpul sends can be read at a local web inbox. */
export async function startMailCatcher(options: {
  smtpPort: number;
  webPort: number;
  log: (msg: string) => void;
}): Promise<MailCatcherHandle> {
  if (await portAnswers(options.smtpPort)) {
    throw new Error(
      `Port ${options.smtpPort} is taken, so the mail catcher cannot start; set EMBEDDED_SMTP_PORT or SMTP_URL.`,
    );
  }
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const server = startMailDev({
    smtp: options.smtpPort,
    web: options.webPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    silent: true,
  });
  // MailDev installs handlers that exit the process on Ctrl-C; Simpul stops it itself, after the API.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  await server.listen();
  options.log(`Mail catcher: SMTP 127.0.0.1:${options.smtpPort}, inbox http://localhost:${options.webPort}`);
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    webUrl: `http://localhost:${options.webPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
