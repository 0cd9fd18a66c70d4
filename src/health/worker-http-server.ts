import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

import { INestApplicationContext } from '@nestjs/common';

import { AppConfig } from '@app/config/app-config';
import { SimpulMetrics } from '@app/observability/metrics';
import { metricsAccess } from '@app/observability/metrics-access';
import { QueueWorkers } from '@app/queue/queue-workers';

import { HealthChecks } from './health-checks';

export interface WorkerHttpServer {
  /** Where it listens, e.g. http://127.0.0.1:9464. */
  url: string;
  close(): Promise<void>;
}

/**
 * The worker's own small HTTP listener (WORKER_HTTP_HOST:WORKER_HTTP_PORT): `/health/live`, `/health/ready` (the
 * database, Redis, and its BullMQ workers running) and `/metrics` (same rule as the API's: METRICS_TOKEN). An
 * orchestrator restarts a worker that stops answering; Prometheus scrapes its job counters here.
 */
export async function startWorkerHttpServer(
  context: INestApplicationContext,
  config: AppConfig,
): Promise<WorkerHttpServer> {
  const checks = context.get(HealthChecks, { strict: false });
  const workers = context.get(QueueWorkers, { strict: false });
  const metrics = SimpulMetrics.for(config);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Only GET is served.\n');
    if (path === '/health/live') return json(response, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const { database, redis } = await checks.check();
      const running = workers.running();
      const ready = database && redis && running;
      return json(response, ready ? 200 : 503, {
        status: ready ? 'ok' : 'unavailable',
        checks: { database, redis, workers: running },
      });
    }
    if (path === '/metrics') {
      const access = metricsAccess(config, request.headers.authorization);
      if (!access.allowed) return send(response, access.status, access.message);
      const body = await metrics.render();
      response.writeHead(200, { 'content-type': metrics.contentType });
      response.end(body);
      return;
    }
    send(response, 404, 'Not found: this listener serves /health/live, /health/ready and /metrics.\n');
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'Internal error.\n'));
  });
  const { workerHttpHost: host, workerHttpPort: port } = config.observability;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `The worker's health and metrics listener cannot use ${host}:${port} (${error.code ?? error.message}); ` +
            'set WORKER_HTTP_PORT to a free port (0 lets the system pick one).',
        ),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
