import { Redis } from 'ioredis';

import { Role } from '@app/kernel/role.enum';
import { emailLedger } from '@libs/testing/delivery-ledger';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { WorkerProcess } from '@libs/testing/worker-process';

/** A Redis database of this suite's own: it is flushed here, as a Redis restarted without persistence would be. */
const REDIS_DATABASE = 11;

/**
 * Issue 21, rows "worker SIGKILLed 9 times during 1,000 notifications" and "Redis FLUSHALL + kill -9 mid-load":
 * worker processes (what `npm run start:worker` runs) killed with SIGKILL while they send, Redis wiped under them.
 * Nothing is lost, a kill duplicates at most one email (the one, if any, the server had taken and the dead worker
 * had not yet recorded), and the system recovers by itself: nobody runs the sweep or retries anything by hand.
 */
describe('outages: workers killed and Redis flushed while email goes out', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let factories: Factories;
  let redis: Redis;
  let settings: Record<string, string>;
  let assigningToken: string;
  const processes: WorkerProcess[] = [];

  beforeAll(async () => {
    env = await isolatedEnvironment({ redisDatabase: REDIS_DATABASE });
    redis = new Redis(env.redisUrl);
    await redis.flushdb();
    sink = await SmtpSink.start();
    settings = {
      ...env.env,
      SMTP_URL: sink.url,
      // A killed worker's jobs and deliveries are taken over after 2 s; retries and the sweep in seconds.
      JOB_LOCK_MS: '2000',
      JOB_BACKOFF_MS: '200',
      JOB_BACKOFF_MAX_MS: '1000',
      JOB_ATTEMPTS: '5',
      SWEEP_INTERVAL_MS: '1000',
      OUTBOX_POLL_MS: '50',
    };
    api = await TestApp.start(settings);
    factories = new Factories(api);
    const kemlu = (await api.dataSource.query(`SELECT id FROM agency WHERE code = 'KEMLU'`))[0].id;
    const liaison = await factories.user([Role.LIAISON], { agencyId: kemlu });
    assigningToken = await api.login(liaison.email, TEST_PASSWORD);
  });

  afterAll(async () => {
    for (const worker of processes) await worker.stop().catch(() => undefined);
    await api?.stop();
    await sink?.stop();
    await redis?.flushdb();
    await redis?.quit();
    await env?.drop();
  });

  const startWorker = async (): Promise<WorkerProcess> => {
    const worker = await WorkerProcess.start(settings);
    processes.push(worker);
    return worker;
  };
  const agencyWithLiaisons = async (liaisons: number): Promise<string> => {
    const agency = await factories.agency();
    for (let i = 0; i < liaisons; i++) await factories.user([Role.LIAISON], { agencyId: agency.id });
    return agency.id;
  };
  const assignTask = async (assigneeAgencyId: string): Promise<string> => {
    const created = await api.gql<{ createTask: { reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { reference } }',
      {
        input: {
          assigneeAgencyId,
          title: 'Share the list of returnees from Malaysia',
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
      },
      assigningToken,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createTask.reference;
  };
  const received = (references: Set<string>) =>
    sink.received.filter((mail) => references.has(/TSK-\d+/.exec(mail.subject)?.[0] ?? '')).length;

  it('a worker SIGKILLed 9 times while 1,000 emails go out: none lost, at most one duplicate per kill', async () => {
    // A mail server that takes 0.1 s to answer a message it already has: a kill lands in that window often,
    // which is where a duplicate can come from. Each worker process lets one message at a time be there.
    sink.holdAcceptance(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const live = await Promise.all([startWorker(), startWorker()]);
    const references = new Set<string>();
    const agencies = [await agencyWithLiaisons(50), await agencyWithLiaisons(50)];
    for (let i = 0; i < 10; i++) for (const agency of agencies) references.add(await assignTask(agency));

    const starting: Promise<void>[] = [];
    const leftAtKill: number[] = [];
    for (let kill = 0; kill < 9; kill++) {
      // Every 60 messages, kill the longest-running live worker in the middle of its sends; a replacement boots
      // in the background (about 8 s), so at times no worker runs at all.
      const mark = received(references);
      await eventually(() => {
        expect(received(references)).toBeGreaterThanOrEqual(mark + 60);
        expect(live.length).toBeGreaterThan(0);
      }, 120_000);
      await live.shift()!.kill();
      leftAtKill.push(1_000 - received(references));
      starting.push(startWorker().then((worker) => void live.push(worker)));
    }
    sink.holdAcceptance(undefined);
    await Promise.all(starting);

    const ours = `n.reference = ANY($1)`;
    await eventually(async () => {
      const now = await emailLedger(api.dataSource, sink, ours, [[...references]]);
      expect(now.states).toEqual({ SENT: 1_000 });
    }, 180_000);
    const sut = await emailLedger(api.dataSource, sink, ours, [[...references]]);
    expect(sut).toMatchObject({
      total: 1_000,
      lost: [],
      foreignMessageIds: 0,
      sentNotReceived: [],
      receivedNotSent: [],
    });
    expect(sut.duplicates).toBeLessThanOrEqual(9);
    // Every kill struck while emails were still going out.
    expect(leftAtKill.every((left) => left > 0)).toBe(true);
    process.stderr.write(`[outages] 9 worker kills: 1,000 emails, 0 lost, ${sut.duplicates} duplicated\n`);
    for (const worker of live) await worker.stop();
  }, 420_000);

  it('Redis flushed and the worker SIGKILLed mid-load (300 tasks, 1,200 emails): none lost, none twice', async () => {
    const worker = await startWorker();
    const references = new Set<string>();
    const agency = await agencyWithLiaisons(4);
    for (let i = 0; i < 300; i++) references.add(await assignTask(agency));
    await eventually(() => expect(received(references)).toBeGreaterThanOrEqual(300), 120_000);

    // Redis restarts without persistence and the worker dies with it.
    await redis.flushdb();
    await worker.kill();
    const wiped = Date.now();
    const leftAtFault = 1_200 - received(references);
    await startWorker();

    const ours = `n.reference = ANY($1)`;
    await eventually(async () => {
      const now = await emailLedger(api.dataSource, sink, ours, [[...references]]);
      expect(now.total).toBe(1_200);
      expect(now.states).toEqual({ SENT: 1_200 });
    }, 180_000);
    const recoveredInMs = Date.now() - wiped;
    const sut = await emailLedger(api.dataSource, sink, ours, [[...references]]);
    expect(sut).toMatchObject({ lost: [], foreignMessageIds: 0, sentNotReceived: [], receivedNotSent: [] });
    expect(sut.duplicates).toBeLessThanOrEqual(1);
    expect(leftAtFault).toBeGreaterThan(0);
    const [outbox] = await api.dataSource.query(
      `SELECT count(*)::int AS unprocessed FROM outbox_event WHERE processed_at IS NULL`,
    );
    expect(outbox.unprocessed).toBe(0);
    process.stderr.write(
      `[outages] Redis flush + kill: 1,200 emails, 0 lost, ${sut.duplicates} duplicated, all out ${recoveredInMs} ms after the fault\n`,
    );
  }, 300_000);

  it("fired rungs' emails go in batches; Redis flushed and the worker SIGKILLed mid-batch: none lost, at most one twice", async () => {
    // Each message waits 20 ms at the server: the kill lands while batches are being sent.
    sink.holdAcceptance(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const worker = await startWorker();
    const references = new Set<string>();
    const agency = await agencyWithLiaisons(4);
    for (let i = 0; i < 150; i++) references.add(await assignTask(agency));
    const assigned = `n.reference = ANY($1) AND n.kind = 'TASK_ASSIGNED'`;
    await eventually(async () => {
      expect((await emailLedger(api.dataSource, sink, assigned, [[...references]])).states).toEqual({ SENT: 600 });
    }, 120_000);

    // The first reminder of every task falls due now: 150 rungs reach 4 liaisons each, 600 emails in 12 batches.
    await api.dataSource.query(
      `UPDATE escalation_rung SET fire_at = now()
       WHERE rung_key = 'reminder-48h' AND status = 'SCHEDULED'
         AND item_id IN (SELECT subject_id FROM notification WHERE reference = ANY($1))`,
      [[...references]],
    );
    const reminders = `n.reference = ANY($1) AND n.kind = 'DEADLINE_REMINDER'`;
    const remindersReceived = async () => {
      const now = await emailLedger(api.dataSource, sink, reminders, [[...references]]);
      return now.total - now.lost.length;
    };
    await eventually(async () => expect(await remindersReceived()).toBeGreaterThanOrEqual(100), 60_000);
    await redis.flushdb();
    await worker.kill();
    const leftAtFault = 600 - (await remindersReceived());
    sink.holdAcceptance(undefined);
    await startWorker();

    await eventually(async () => {
      const now = await emailLedger(api.dataSource, sink, reminders, [[...references]]);
      expect(now.total).toBe(600);
      expect(now.states).toEqual({ SENT: 600 });
    }, 180_000);
    const sut = await emailLedger(api.dataSource, sink, reminders, [[...references]]);
    expect(sut).toMatchObject({ lost: [], foreignMessageIds: 0, sentNotReceived: [], receivedNotSent: [] });
    expect(sut.duplicates).toBeLessThanOrEqual(1);
    expect(leftAtFault).toBeGreaterThan(0);
    // They went in batches of 50, each email of a batch named by it.
    const [batches] = await api.dataSource.query(
      `SELECT count(DISTINCT email_batch_id)::int AS batches, count(*) FILTER (WHERE email_batch_id IS NULL)::int AS single
       FROM notification n WHERE ${reminders}`,
      [[...references]],
    );
    // At least 12 (50 to a batch); a few more when the rungs were claimed in uneven parts across the lanes.
    expect(batches.single).toBe(0);
    expect(batches.batches).toBeGreaterThanOrEqual(12);
    expect(batches.batches).toBeLessThanOrEqual(16);
    process.stderr.write(
      `[outages] Redis flush + kill mid-batch: 600 reminder emails in ${batches.batches} batches, 0 lost, ${sut.duplicates} duplicated\n`,
    );
  }, 300_000);

  it("a storm's task.overdue events go in batches; Redis lost them after the relay published: each dispatched once", async () => {
    // Only this test's workers run: the earlier tests' are stopped.
    for (const earlier of processes.splice(0)) await earlier.stop().catch(() => undefined);
    let worker = await startWorker();
    const references = new Set<string>();
    const agency = await agencyWithLiaisons(2);
    for (let i = 0; i < 150; i++) references.add(await assignTask(agency));
    const assigned = `n.reference = ANY($1) AND n.kind = 'TASK_ASSIGNED'`;
    await eventually(async () => {
      expect((await emailLedger(api.dataSource, sink, assigned, [[...references]])).states).toEqual({ SENT: 300 });
    }, 120_000);
    await worker.stop();

    // The deadline of all 150 passes at once. A worker that fires rungs and relays events but dispatches none
    // publishes the 150 task.overdue events; then Redis restarts empty and that worker dies.
    await api.dataSource.query(
      `UPDATE escalation_rung SET fire_at = now(), deadline_at = now() - interval '1 minute'
       WHERE rung_key IN ('reminder-48h', 'reminder-24h', 'due') AND status = 'SCHEDULED'
         AND item_id IN (SELECT subject_id FROM notification WHERE reference = ANY($1))`,
      [[...references]],
    );
    const overdueEvents = `topic = 'task.overdue' AND payload->>'reference' = ANY($1)`;
    worker = await WorkerProcess.start(settings, ['--queues', 'escalations']);
    processes.push(worker);
    await eventually(async () => {
      const [events] = await api.dataSource.query(
        `SELECT count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published,
           count(*) FILTER (WHERE processed_at IS NULL)::int AS unprocessed
         FROM outbox_event WHERE ${overdueEvents}`,
        [[...references]],
      );
      expect(events).toEqual({ published: 150, unprocessed: 150 });
    }, 120_000);
    await redis.flushdb();
    await worker.kill();
    await startWorker();

    // The sweep re-adds each batch's job (not a job per event), and every event is dispatched once.
    await eventually(async () => {
      const [events] = await api.dataSource.query(
        `SELECT count(*) FILTER (WHERE processed_at IS NULL)::int AS unprocessed FROM outbox_event WHERE ${overdueEvents}`,
        [[...references]],
      );
      expect(events.unprocessed).toBe(0);
    }, 120_000);
    const [batching] = await api.dataSource.query(
      `SELECT count(DISTINCT dispatch_batch_id)::int AS batches,
         count(*) FILTER (WHERE dispatch_batch_id IS NULL)::int AS single
       FROM outbox_event WHERE ${overdueEvents}`,
      [[...references]],
    );
    expect(batching.batches).toBeGreaterThanOrEqual(3);
    expect(batching.single).toBeLessThan(5 * batching.batches);
    const singleJobs = (await redis.keys('*:notifications:event.*')).length;
    expect(singleJobs).toBe(batching.single);

    // The assigning side hears once per task: the creator and KEMLU's liaisons, one notice and one email each.
    const overdue = `n.reference = ANY($1) AND n.kind = 'TASK_OVERDUE'`;
    const [told] = await api.dataSource.query(
      `SELECT count(*)::int AS notices, count(DISTINCT n.recipient_user_id)::int AS people,
         count(DISTINCT n.reference)::int AS tasks
       FROM notification n WHERE ${overdue}`,
      [[...references]],
    );
    expect(told.tasks).toBe(150);
    expect(told.notices).toBe(150 * told.people);
    await eventually(async () => {
      expect((await emailLedger(api.dataSource, sink, overdue, [[...references]])).states).toEqual({
        SENT: told.notices,
      });
    }, 120_000);
    const sut = await emailLedger(api.dataSource, sink, overdue, [[...references]]);
    expect(sut).toMatchObject({
      lost: [],
      duplicates: 0,
      foreignMessageIds: 0,
      sentNotReceived: [],
      receivedNotSent: [],
    });
    process.stderr.write(
      `[outages] 150 task.overdue events in ${batching.batches} batches (${batching.single} alone) after a Redis loss: ` +
        `${told.notices} notices and emails, 0 lost, 0 duplicated\n`,
    );
  }, 300_000);
});
