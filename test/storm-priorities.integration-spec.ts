import { Role } from '@app/kernel/role.enum';
import { RungBacklog } from '@app/queue/rung-backlog';
import { eventually } from '@libs/testing/eventually';
import { Factories, TEST_PASSWORD } from '@libs/testing/factories';
import { isolatedEnvironment, IsolatedEnvironment } from '@libs/testing/isolated-environment';
import { SmtpSink } from '@libs/testing/smtp-sink';
import { TestApp } from '@libs/testing/test-app';
import { TestWorker } from '@libs/testing/test-worker';

/** `count` tasks a KEMLU liaison assigns to a new agency with a liaison of its own, through the API. */
async function assignTasks(api: TestApp, count: number, title: string) {
  const factories = new Factories(api);
  const kemlu = (await api.dataSource.query(`SELECT id FROM agency WHERE code = 'KEMLU'`))[0].id;
  const assigning = await factories.user([Role.LIAISON], { agencyId: kemlu });
  const token = await api.login(assigning.email, TEST_PASSWORD);
  const assignee = await factories.agency();
  const liaison = await factories.user([Role.LIAISON], { agencyId: assignee.id });
  const references: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await api.gql<{ createTask: { reference: string } }>(
      'mutation ($input: CreateTaskInput!) { createTask(input: $input) { reference } }',
      {
        input: {
          assigneeAgencyId: assignee.id,
          title,
          pillar: 'PROTECTION',
          duty: 'VICTIM_MONITORING',
          due: { workingDays: 5 },
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    references.push(created.data!.createTask.reference);
  }
  return { assigning, assignee, liaison, references };
}

/**
 * Every deadline of the agency's tasks passes now (their reminders were answered: cancelled, as the later rungs):
 * their "due" rungs are due at once. Returns how many.
 */
async function deadlinesPassNow(api: TestApp, assigneeAgencyId: string): Promise<number> {
  await api.dataSource.query(
    `UPDATE escalation_rung SET status = 'CANCELLED', settled_at = now()
     WHERE rung_key <> 'due' AND status = 'SCHEDULED' AND item_id IN (SELECT id FROM task WHERE assignee_agency_id = $1)`,
    [assigneeAgencyId],
  );
  const [, due]: [unknown, number] = await api.dataSource.query(
    `UPDATE escalation_rung SET fire_at = now(), deadline_at = now() - interval '1 minute'
     WHERE rung_key = 'due' AND status = 'SCHEDULED' AND item_id IN (SELECT id FROM task WHERE assignee_agency_id = $1)`,
    [assigneeAgencyId],
  );
  return due;
}

/**
 * Issue 22: in a deadline storm the worker fires the due rungs first. The storm's own events (each task it marks
 * overdue raises `task.overdue`) wait until the backlog of due rungs is fired, then are dispatched, each once.
 */
describe('a deadline storm: rungs first, then the events it raised', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let worker: TestWorker | undefined;

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

  it('dispatches no task.overdue event of the storm before its last due rung has fired', async () => {
    const { assigning, assignee, references } = await assignTasks(
      api,
      200,
      'Share the list of returnees from Malaysia',
    );
    worker = await TestWorker.start({ ...env.env, SMTP_URL: sink.url, RUNG_BATCH: '20', RUNG_POLL_MS: '0' });
    await worker.drain(); // the task.assigned events, one job each: a person's action never waits
    // All 200 deadlines pass at once (their reminders were answered: cancelled). The worker fires the "due" rungs
    // 20 to a batch, each batch marking its tasks overdue: 20 task.overdue events written together, one batch job.
    expect(await deadlinesPassNow(api, assignee.id)).toBe(200);
    const tally = await worker.fireDueRungs();
    const firedAt = Date.now();
    expect(tally).toMatchObject({ fired: 200, batches: 10 });

    const overdue = `topic = 'task.overdue' AND payload->>'reference' = ANY($1)`;
    await eventually(async () => {
      const [events] = await api.dataSource.query(
        `SELECT count(*)::int AS raised, count(processed_at)::int AS dispatched FROM outbox_event WHERE ${overdue}`,
        [references],
      );
      expect(events).toEqual({ raised: 200, dispatched: 200 });
    }, 60_000);
    // Published as soon as each batch committed, they were dispatched only once the firing had been quiet for a
    // second (the backlog's hold): while full batches keep coming, the firing has the worker to itself.
    const [events] = await api.dataSource.query(
      `SELECT (EXTRACT(EPOCH FROM min(processed_at)) * 1000)::float8 AS "firstDispatched",
         (EXTRACT(EPOCH FROM max(published_at)) * 1000)::float8 AS "lastPublished",
         count(DISTINCT dispatch_batch_id)::int AS batches
       FROM outbox_event WHERE ${overdue}`,
      [references],
    );
    expect(events.batches).toBe(10);
    expect(events.firstDispatched - firedAt).toBeGreaterThanOrEqual(900);
    expect(events.lastPublished).toBeLessThan(events.firstDispatched);
    // Then told once each: the assigning liaison hears of every task.
    const [told] = await api.dataSource.query(
      `SELECT count(*)::int AS notices, count(DISTINCT reference)::int AS tasks FROM notification
       WHERE kind = 'TASK_OVERDUE' AND recipient_user_id = $1 AND reference = ANY($2)`,
      [assigning.id, references],
    );
    expect(told).toEqual({ notices: 200, tasks: 200 });
  }, 120_000);
});

/**
 * Issue 22: email delivery runs in its own worker process (`--queues email`). While another process releases or
 * fires a backlog of due rungs, delivery gives way (the hold is shared through Redis), then sends each email once.
 */
describe('a deadline storm fired by one worker: email delivery in another gives way', () => {
  let env: IsolatedEnvironment;
  let sink: SmtpSink;
  let api: TestApp;
  let decisions: TestWorker | undefined;
  let mailer: TestWorker | undefined;
  let scheduler: TestWorker | undefined;

  beforeAll(async () => {
    env = await isolatedEnvironment();
    sink = await SmtpSink.start();
    api = await TestApp.start({ ...env.env, SMTP_URL: sink.url });
  });

  afterAll(async () => {
    await scheduler?.stop();
    await mailer?.stop();
    await decisions?.stop();
    await api?.stop();
    await sink?.stop();
    await env?.drop();
  });

  it('sends none of the storm’s emails while its rungs fire, then each once', async () => {
    const { assignee, liaison, references } = await assignTasks(
      api,
      150,
      'Confirm the shelter places for the returnees',
    );
    const settings = { ...env.env, SMTP_URL: sink.url, RUNG_BATCH: '15', RUNG_LANES: '1', RUNG_POLL_MS: '0' };
    decisions = await TestWorker.start({ ...settings, WORKER_QUEUES: 'notifications,escalations,digests,maintenance' });
    mailer = await TestWorker.start({ ...settings, WORKER_QUEUES: 'email' });
    await decisions.drain();
    // The assignments' emails (one per task to the assignee's liaison) go out before the storm.
    await eventually(() => expect(sink.to(liaison.email)).toHaveLength(150), 30_000);
    sink.clear();

    expect(await deadlinesPassNow(api, assignee.id)).toBe(150);
    // Ten batches of fifteen, one after another: each batch's emails are queued as it commits.
    const tally = await decisions.fireDueRungs();
    const firedAt = Date.now();
    expect(tally).toMatchObject({ fired: 150, batches: 10 });

    // The storm's emails: its rungs' (to the assignee's liaison) and, once the overdue events are dispatched, the
    // assigning side's overdue notices.
    const stormEmails = async (): Promise<{ id: string; status: string }[]> =>
      api.dataSource.query(
        `SELECT id, email_status AS status FROM notification
         WHERE reference = ANY($1) AND kind IN ('ESCALATION', 'TASK_OVERDUE') AND email_status <> 'NOT_REQUESTED'`,
        [references],
      );
    await eventually(async () => {
      const [events] = await api.dataSource.query(
        `SELECT count(processed_at)::int AS dispatched FROM outbox_event
         WHERE topic = 'task.overdue' AND payload->>'reference' = ANY($1)`,
        [references],
      );
      expect(events.dispatched).toBe(150);
      const emails = await stormEmails();
      expect(emails.length).toBeGreaterThanOrEqual(300);
      expect(emails.filter(({ status }) => status !== 'SENT')).toEqual([]);
    }, 60_000);
    const emails = await stormEmails();
    // Not one went out while the batches were firing (the worker that fires holds delivery, the mailer pauses)...
    const first = Math.min(...sink.received.map((mail) => mail.receivedAt));
    expect(first).toBeGreaterThanOrEqual(firedAt);
    // ...and afterwards each went once.
    expect(sink.received).toHaveLength(emails.length);
    expect(new Set(sink.received.map((mail) => mail.notificationId))).toEqual(new Set(emails.map(({ id }) => id)));
  }, 120_000);

  it('a storm armed minutes ahead holds nothing back until it falls due', async () => {
    // The storm's tasks (the test before) get another 150 rungs, two minutes ahead: armed by a worker polling every
    // 200 ms.
    const [, rearmed] = await api.dataSource.query(
      `UPDATE escalation_rung SET status = 'SCHEDULED', settled_at = NULL, note = NULL,
         fire_at = now() + interval '2 minutes', deadline_at = now() - interval '1 minute'
       WHERE rung_key = 'supervisor' AND item_id IN (SELECT subject_id FROM notification WHERE kind = 'ESCALATION')`,
    );
    expect(rearmed).toBe(150);
    scheduler = await TestWorker.start({
      ...env.env,
      SMTP_URL: sink.url,
      RUNG_BATCH: '15',
      RUNG_POLL_MS: '200',
      WORKER_QUEUES: 'escalations',
    });
    await eventually(async () => {
      const [armed] = await api.dataSource.query(
        `SELECT count(*)::int AS n FROM escalation_rung WHERE rung_key = 'supervisor' AND armed_at IS NOT NULL`,
      );
      expect(armed.n).toBe(150);
    }, 30_000);
    // A full release is two minutes away: over ten of the scheduler's polls, no process is told to give way.
    const backlog = mailer!.context.get(RungBacklog);
    for (let look = 0; look < 20; look++) {
      expect(await backlog.heldAnywhereMs()).toBeLessThanOrEqual(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);
});
