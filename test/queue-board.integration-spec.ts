import { connect } from 'node:net';

import { Queue } from 'bullmq';

import { QueueName } from '@app/queue/queue.names';
import { Role } from '@app/kernel/role.enum';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { freePort } from '@libs/testing/free-port';
import { TestApp } from '@libs/testing/test-app';

interface RawResponse {
  status: number;
  body: string;
}

/** Sends one request over a plain socket, the path byte for byte as given (no client normalises it). */
function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${method} ${path}`)));
    const chunks: Buffer[] = [];
    const body = method === 'GET' ? '' : '{}';
    const lines = [
      `${method} ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      'Connection: close',
      ...(method === 'GET' ? [] : ['Content-Type: application/json', `Content-Length: ${body.length}`]),
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

/** Every spelling of the board's paths an attacker tried, and more: percent-encoded, double-encoded, case, slashes. */
const BOARD_PATHS = ['/admin/queues', '/admin/queues/api/queues'];
function variants(path: string): string[] {
  const encodeEach = (text: string) => text.replace(/[a-z]/g, (char) => `%${char.charCodeAt(0).toString(16)}`);
  const encodeFirst = (text: string) => text.replace(/q/, '%71').replace(/a/, '%61');
  return [
    path,
    encodeFirst(path),
    encodeEach(path),
    encodeEach(path)
      .toUpperCase()
      .replace(/%([0-9A-F]{2})/g, '%$1'),
    path.replace('queues', '%71ueues'),
    path.replace('admin', '%61dmin'),
    path.replace('/queues', '%2Fqueues'),
    path.replace('/queues', '%2fqueues'),
    path.replace('queues', '%2571ueues'),
    path.replace('admin', '%2561dmin'),
    path.toUpperCase(),
    path.replace('admin', 'Admin').replace('queues', 'Queues'),
    `/${path}`,
    path.replace('/queues', '//queues'),
    `${path}/`,
    path.replace('/queues', '/./queues'),
    path.replace('/queues', '/x/../queues'),
    path.replace('/queues', '/%2e/queues'),
    path.replace('/queues', '/%2E%2E/admin/queues'),
    path.replace('queues', 'queues;x=1'),
    `${path}%00`,
    `${path}%20`,
    `${path}?x=1`,
    `${path}#frag`,
  ];
}

describe('the queue dashboard', () => {
  let sut: TestApp;
  let port: number;
  let adminToken: string;
  let liaisonToken: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    port = await freePort();
    await sut.app.listen(port, '127.0.0.1');
    const factories = new Factories(sut);
    adminToken = await sut.login((await factories.user([Role.ADMINISTRATOR])).email, TEST_PASSWORD);
    liaisonToken = await sut.login((await factories.user([Role.LIAISON])).email, TEST_PASSWORD);
  });
  afterAll(() => sut.stop());

  it('answers no spelling of its paths without an administrator, and never shows job data', async () => {
    const answered: string[] = [];
    for (const path of BOARD_PATHS.flatMap(variants)) {
      for (const headers of [{}, { authorization: `Bearer ${liaisonToken}` }] as Record<string, string>[]) {
        const response = await rawRequest(port, 'GET', path, headers);
        if (response.status < 400 || /"queues"|bull-board|<html/i.test(response.body)) {
          answered.push(`${path} ${response.status}`);
        }
      }
    }
    expect(answered).toEqual([]);
  });

  it('cannot be driven without an administrator: no pause, no new job, by any spelling', async () => {
    const queue = new Queue(QueueName.ESCALATIONS, {
      connection: { host: new URL(sut.config.redisUrl).hostname, port: Number(new URL(sut.config.redisUrl).port) },
      prefix: sut.config.redisPrefix,
    });
    try {
      const before = await queue.getJobCounts('waiting', 'delayed', 'paused');
      for (const path of variants(`/admin/queues/api/queues/${QueueName.ESCALATIONS}/pause`)) {
        const response = await rawRequest(port, 'PUT', path);
        expect([path, response.status >= 400]).toEqual([path, true]);
      }
      for (const path of variants(`/admin/queues/api/queues/${QueueName.ESCALATIONS}/add`)) {
        const response = await rawRequest(port, 'POST', path, { authorization: `Bearer ${liaisonToken}` });
        expect([path, response.status >= 400]).toEqual([path, true]);
      }
      expect(await queue.isPaused()).toBe(false);
      expect(await queue.getJobCounts('waiting', 'delayed', 'paused')).toEqual(before);
    } finally {
      await queue.close();
    }
  });

  it('still opens for an administrator, by the plain path and by an encoded one', async () => {
    const page = await rawRequest(port, 'GET', '/admin/queues', { authorization: `Bearer ${adminToken}` });
    expect(page.status).toBe(200);
    const encoded = await rawRequest(port, 'GET', '/admin/%71ueues/api/queues', {
      authorization: `Bearer ${adminToken}`,
    });
    expect(encoded.status).toBe(200);
    expect(JSON.parse(encoded.body).queues.length).toBe(6);
  });
});
