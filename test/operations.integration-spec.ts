import { Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { parsePrometheus, Sample, sampleValue } from '@libs/testing/prometheus';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { WorkerProcess } from '@libs/testing/worker-process';

const METRICS_TOKEN = 'metrics-token-for-tests-only-0123456789abcdef';

describe('operations', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await TestApp.start();
  });
  afterAll(() => sut.stop());

  it('reports liveness and readiness with database and Redis checked', async () => {
    const live = await sut.app.inject({ method: 'GET', url: '/health/live' });
    expect(live.statusCode).toBe(200);
    const ready = await sut.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: true, redis: true } });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await sut.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await sut.app.inject({ method: 'GET', url: '/health/live' });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses queries nested deeper than the limit', async () => {
    const token = await sut.login((await new Factories(sut).user([Role.LIAISON])).email, TEST_PASSWORD);
    const deep =
      '{ agencies { edges { node { parentAgency { parentAgency { parentAgency { parentAgency { parentAgency { parentAgency { parentAgency { code } } } } } } } } } } }';
    const result = await sut.gql(deep, {}, token);
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('answers an unknown field as a bad request', async () => {
    const result = await sut.gql('{ noSuchField }');
    expect(result.statusCode).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBeDefined();
  });

  it('counts GraphQL operations by root field and outcome, and HTTP requests by route, on /metrics', async () => {
    const scrape = async (): Promise<Sample[]> => {
      const response = await sut.app.inject({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      return parsePrometheus(response.body);
    };
    const token = await sut.login((await new Factories(sut).user([Role.LIAISON])).email, TEST_PASSWORD);
    const ok = { operation_type: 'query', operation: 'agencies', outcome: 'ok' };
    const count = 'simpul_graphql_operation_duration_seconds_count';
    const before = await scrape();

    expect((await sut.gql('query Whatever { agencies(first: 1) { totalCount } }', {}, token)).errors).toBeUndefined();
    expect((await sut.gql('{ agencies(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await sut.gql('{ noSuchField }');
    const after = await scrape();

    expect(sampleValue(after, count, ok) - sampleValue(before, count, ok)).toBe(1);
    const unauthenticated = { operation: 'agencies', code: 'UNAUTHENTICATED' };
    expect(
      sampleValue(after, 'simpul_graphql_errors_total', unauthenticated) -
        sampleValue(before, 'simpul_graphql_errors_total', unauthenticated),
    ).toBe(1);
    const invalid = { operation: 'invalid', code: 'BAD_REQUEST' };
    expect(
      sampleValue(after, 'simpul_graphql_errors_total', invalid) -
        sampleValue(before, 'simpul_graphql_errors_total', invalid),
    ).toBe(1);
    const http = { method: 'POST', route: '/graphql', status_code: '200' };
    expect(
      sampleValue(after, 'simpul_http_request_duration_seconds_count', http) -
        sampleValue(before, 'simpul_http_request_duration_seconds_count', http),
    ).toBeGreaterThanOrEqual(2);
    // The client's operation name ("Whatever") is not a label: clients cannot mint new series.
    expect(after.some((sample) => Object.values(sample.labels).includes('Whatever'))).toBe(false);
    // A random path is one "unmatched" series, not a series per path.
    await sut.app.inject({ method: 'GET', url: '/no/such/path?token=secret' });
    const unmatched = (await scrape()).filter((sample) => sample.name === 'simpul_http_request_duration_seconds_count');
    expect(unmatched.some((sample) => sample.labels.route === 'unmatched')).toBe(true);
    expect(unmatched.some((sample) => /no\/such|secret/.test(sample.labels.route))).toBe(false);
    // The backlog is read at each scrape.
    expect(sampleValue(after, 'simpul_backlog_scrape_success')).toBe(1);
    expect(
      after.find((sample) => sample.name === 'simpul_queue_jobs' && sample.labels.queue === 'digests'),
    ).toBeDefined();
  });

  it('serves /metrics only with the metrics token when one is set', async () => {
    const guarded = await TestApp.start({ METRICS_TOKEN });
    try {
      const without = await guarded.app.inject({ method: 'GET', url: '/metrics' });
      expect(without.statusCode).toBe(401);
      expect(without.body).toContain('Authorization: Bearer <METRICS_TOKEN>');
      const wrong = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}x` },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('simpul_http_request_duration_seconds');
    } finally {
      await guarded.stop();
    }
  });
});

/**
 * Metrics scraped from running processes: the API's backlog gauges show the outbox lag and a due rung while no
 * worker runs; a worker process started then serves health and metrics on its own listener and counts the jobs
 * it runs per queue, and how late the rung fired.
 */
describe('worker process health and metrics', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    api = await TestApp.start({ ...env.env, SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  it('moves the figures as work happens: outbox lag, jobs per queue, rung lateness', async () => {
    const factories = new Factories(api);
    const [kemlu, imigrasi] = await Promise.all(
      ['KEMLU', 'DITJEN-IMIGRASI'].map(
        async (code) => (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id as string,
      ),
    );
    const assigner = await factories.user([Role.LIAISON], { agencyId: kemlu });
    const assignee = await factories.user([Role.LIAISON], { agencyId: imigrasi });
    const token = await api.login(assigner.email, TEST_PASSWORD);
    const created = await api.gql<{ createTask: { id: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          assigneeAgencyId: imigrasi,
          assigneeUserId: assignee.id,
          title: 'Verify identities of 28 citizens in Phnom Penh shelter',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { at: new Date(Date.now() + 5 * 24 * 3600_000).toISOString() },
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    // Time passes for the first rung (its reminder is now 30 s late); PostgreSQL is the rungs' scheduler.
    await api.dataSource.query(
      `UPDATE escalation_rung SET fire_at = now() - interval '30 seconds'
       WHERE id = (SELECT id FROM escalation_rung WHERE item_id = $1 ORDER BY rung_index LIMIT 1)`,
      [created.data!.createTask.id],
    );

    // No worker yet: the API's scrape shows the waiting outbox row (the task's event) and the due rung.
    const waiting = parsePrometheus((await api.app.inject({ method: 'GET', url: '/metrics' })).body);
    expect(sampleValue(waiting, 'simpul_outbox_events', { state: 'unpublished' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(waiting, 'simpul_outbox_lag_seconds', { state: 'unpublished' })).toBeGreaterThan(0);
    expect(sampleValue(waiting, 'simpul_escalation_rungs_due')).toBe(1);
    expect(sampleValue(waiting, 'simpul_escalation_oldest_due_rung_seconds')).toBeGreaterThanOrEqual(30);

    worker = await WorkerProcess.start({ ...env.env, SMTP_URL: sink.url, METRICS_TOKEN });
    const url = worker.httpUrl;
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: true, redis: true, workers: true } });
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/nothing`)).status).toBe(404);

    const scrapeWorker = async () => {
      const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return parsePrometheus(await response.text());
    };
    await eventually(async () => {
      const samples = await scrapeWorker();
      const completed = (queue: string, job: string) =>
        sampleValue(samples, 'simpul_jobs_total', { queue, job, outcome: 'completed' });
      expect(completed('notifications', 'event.dispatch')).toBeGreaterThanOrEqual(1);
      expect(sampleValue(samples, 'simpul_escalation_rungs_settled_total', { outcome: 'FIRED' })).toBe(1);
      expect(sampleValue(samples, 'simpul_escalation_rung_lateness_seconds_count')).toBe(1);
      expect(sampleValue(samples, 'simpul_escalation_rung_lateness_seconds_sum')).toBeGreaterThanOrEqual(30);
      expect(sampleValue(samples, 'simpul_escalation_rung_batch_seconds_count')).toBeGreaterThanOrEqual(1);
      // Relayed and processed: the backlog is gone, as the worker's own scrape reads it.
      expect(sampleValue(samples, 'simpul_outbox_events', { state: 'unpublished' })).toBe(0);
      expect(sampleValue(samples, 'simpul_escalation_rungs_due')).toBe(0);
    }, 60_000);
    expect(sampleValue(await scrapeWorker(), 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(await worker.stop()).toBe(0);
    worker = undefined;
  }, 180_000);
});
