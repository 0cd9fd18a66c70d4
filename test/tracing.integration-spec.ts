import { Role } from '@app/kernel/role.enum';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { freePort } from '@libs/testing/free-port';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { CollectedSpan, OtlpCollector } from '@libs/testing/otlp-collector';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { WorkerProcess } from '@libs/testing/worker-process';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TITLE = 'Verify identities of 28 citizens in Phnom Penh shelter';

/**
 * OpenTelemetry across processes: an API request that writes an outbox row, the worker process that relays it and
 * runs its job, all in one trace, exported over OTLP/HTTP to a collector in the test.
 */
describe('traces from the API through the outbox to the job', () => {
  let env: IsolatedEnvironment;
  let collector: OtlpCollector;
  let sink: SmtpSink;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    collector = await OtlpCollector.start();
    sink = await SmtpSink.start();
  });
  afterAll(async () => {
    await sink?.stop();
    await collector?.stop();
    await env?.drop();
  });

  it('continues the caller’s trace into the request, the outbox relay and the job it caused', async () => {
    const tracing = {
      ...env.env,
      SMTP_URL: sink.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'simpul-test',
    };
    const api = await TestApp.start(tracing);
    let row: { trace_parent: string | null } | undefined;
    try {
      const factories = new Factories(api);
      const agency = async (code: string) =>
        (await api.dataSource.query('SELECT id FROM agency WHERE code = $1', [code]))[0].id as string;
      const [kemlu, imigrasi] = [await agency('KEMLU'), await agency('DITJEN-IMIGRASI')];
      const assigner = await factories.user([Role.LIAISON], { agencyId: kemlu });
      await factories.user([Role.LIAISON], { agencyId: imigrasi });
      const token = await api.login(assigner.email, TEST_PASSWORD);
      // Over a real socket, as a client would call it: the body is read after the request hooks have run.
      const port = await freePort();
      await api.app.listen(port, '127.0.0.1');
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
        },
        body: JSON.stringify({
          query: 'mutation ($input: CreateTaskInput!) { createTask(input: $input) { id } }',
          variables: {
            input: {
              assigneeAgencyId: imigrasi,
              title: TITLE,
              pillar: 'PROTECTION',
              duty: 'VICTIM_MONITORING',
              due: { workingDays: 5 },
            },
          },
        }),
      });
      const body = (await response.json()) as { data: { createTask: { id: string } }; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      const taskId = body.data.createTask.id;
      [row] = await api.dataSource.query(
        `SELECT trace_parent FROM outbox_event WHERE aggregate_id = $1 AND topic = 'task.assigned'`,
        [taskId],
      );
    } finally {
      // Stopping flushes the API's buffered spans to the collector.
      await api.stop();
    }

    const server = collector.spans.find((span) => span.name === 'POST /graphql' && span.traceId === CALLER_TRACE);
    expect(server).toMatchObject({ service: 'simpul-test-api', parentSpanId: CALLER_SPAN, kind: 2 });
    expect(server!.attributes).toMatchObject({
      'graphql.operation.type': 'mutation',
      'graphql.operation.fields': 'createTask',
    });
    // The outbox row carries the request's span as the parent of what follows: ids only.
    expect(row?.trace_parent).toBe(`00-${CALLER_TRACE}-${server!.spanId}-01`);

    const worker = await WorkerProcess.start(tracing);
    let trace: CollectedSpan[] = [];
    try {
      await eventually(() => {
        trace = collector.spans.filter((span) => span.traceId === CALLER_TRACE);
        const relay = trace.find((span) => span.name === 'outbox publish task.assigned');
        expect(relay).toMatchObject({ service: 'simpul-test-worker', parentSpanId: server!.spanId });
        const job = trace.find((span) => span.name === 'job event.dispatch');
        expect(job).toMatchObject({ service: 'simpul-test-worker', parentSpanId: relay!.spanId });
        expect(job!.attributes).toMatchObject({
          'messaging.destination.name': 'notifications',
          'simpul.job.outcome': 'completed',
        });
        // The notification email the job queued runs in the same trace, a child of the job.
        const email = trace.find((span) => span.name === 'job notification.email');
        expect(email?.parentSpanId).toBe(job!.spanId);
      }, 60_000);
    } finally {
      expect(await worker.stop()).toBe(0);
    }
    // What users typed never leaves in a span.
    expect(collector.bodies.join('\n')).not.toContain(TITLE);
  }, 180_000);
});
